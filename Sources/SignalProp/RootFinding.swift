/// Roots of a function of one variable inside a bracket, to full double precision.
enum RootFinding {
    /// The root of f in [a, b], where f(a) and f(b) have opposite signs (or one is zero), by
    /// Newton steps with f' where they stay inside the shrinking bracket and bisection where
    /// they do not. Stops when the bracket is a few ulps wide or f is exactly zero.
    static func refine(
        _ a: Double, _ b: Double, _ f: (Double) -> (value: Double, slope: Double)
    ) -> Double {
        var low = Swift.min(a, b), high = Swift.max(a, b)
        let fLow = f(low).value, fHigh = f(high).value
        if fLow == 0 { return low }
        if fHigh == 0 { return high }
        precondition(fLow.sign != fHigh.sign || fLow.isNaN || fHigh.isNaN, "not a bracket")
        let lowIsNegative = fLow < 0
        var x = 0.5 * (low + high)
        var previousStep = high - low
        for _ in 0..<400 {
            let (value, slope) = f(x)
            if value == 0 || value.isNaN { return x }
            if (value < 0) == lowIsNegative { low = x } else { high = x }
            if high - low <= 4 * Double.ulpOfOne * Swift.max(Swift.abs(low), Swift.abs(high)) || high - low == 0 {
                return x
            }
            var next = x - value / slope
            let step = Swift.abs(next - x)
            // Bisect when Newton leaves the bracket or does not halve the step of two rounds ago.
            if !(next > low && next < high) || step > 0.5 * previousStep {
                next = 0.5 * (low + high)
            }
            previousStep = Swift.abs(next - x)
            if next == x { return x }
            x = next
        }
        return x
    }

    /// Steps from `start` by the factor `ratio` (up if `upward`) until `isBeyond` holds, and
    /// returns the last point before and the first point beyond, or nil once `limit` says stop.
    /// The step grows to a factor 2 after `fineSteps` steps.
    static func scanGeometrically(
        from start: Double, upward: Bool, ratio: Double = 1.0905077326652577,  // 2^(1/8)
        fineSteps: Int = 160, limit: (Double) -> Bool, isBeyond: (Double) -> Bool
    ) -> (inside: Double, beyond: Double)? {
        var x = start
        var steps = 0
        while true {
            let factor = steps < fineSteps ? ratio : 2
            let next = upward ? x * factor : x / factor
            if limit(next) { return nil }
            if isBeyond(next) { return (x, next) }
            x = next
            steps += 1
        }
    }

    /// The root of f in [a, b] (f(a), f(b) of opposite signs) without derivatives: Brent's
    /// method (inverse quadratic interpolation, secant and bisection), to a few ulps.
    static func brent(_ a: Double, _ b: Double, _ f: (Double) -> Double) -> Double {
        var a = a, b = b
        var fa = f(a), fb = f(b)
        if fa == 0 { return a }
        if fb == 0 { return b }
        var c = a, fc = fa
        var d = b - a, e = d
        for _ in 0..<400 {
            if (fb > 0) == (fc > 0) {
                c = a; fc = fa
                d = b - a; e = d
            }
            if Swift.abs(fc) < Swift.abs(fb) {
                a = b; b = c; c = a
                fa = fb; fb = fc; fc = fa
            }
            let tolerance = 2 * Double.ulpOfOne * Swift.abs(b)
            let middle = 0.5 * (c - b)
            if Swift.abs(middle) <= tolerance || fb == 0 { return b }
            if Swift.abs(e) >= tolerance && Swift.abs(fa) > Swift.abs(fb) {
                var p: Double, q: Double
                let s = fb / fa
                if a == c {
                    p = 2 * middle * s
                    q = 1 - s
                } else {
                    let qa = fa / fc, r = fb / fc
                    p = s * (2 * middle * qa * (qa - r) - (b - a) * (r - 1))
                    q = (qa - 1) * (r - 1) * (s - 1)
                }
                if p > 0 { q = -q } else { p = -p }
                if 2 * p < Swift.min(3 * middle * q - Swift.abs(tolerance * q), Swift.abs(e * q)) {
                    e = d
                    d = p / q
                } else {
                    d = middle
                    e = d
                }
            } else {
                d = middle
                e = d
            }
            a = b
            fa = fb
            b += Swift.abs(d) > tolerance ? d : (middle > 0 ? tolerance : -tolerance)
            fb = f(b)
        }
        return b
    }
}
