/// Roots of a function of one variable inside a bracket, to full double precision.
enum RootFinding {
    /// A point, the function's value there and its slope.
    struct Sample {
        var x: Double
        var value: Double
        var slope: Double

        init(_ x: Double, _ f: (Double) -> (value: Double, slope: Double)) {
            self.x = x
            (value, slope) = f(x)
        }

        init(x: Double, value: Double, slope: Double) {
            self.x = x
            self.value = value
            self.slope = slope
        }
    }

    /// The root of f in [a, b], where f(a) and f(b) have opposite signs (or one is zero), by
    /// Newton steps with f' where they stay inside the shrinking bracket and bisection where
    /// they do not. Stops when the bracket is a few ulps wide or f is exactly zero.
    static func refine(
        _ a: Double, _ b: Double, _ f: (Double) -> (value: Double, slope: Double)
    ) -> Double {
        refine(Sample(a, f), Sample(b, f), f)
    }

    /// The same from known values at the ends; Newton starts from the end nearer the root.
    static func refine(
        _ a: Sample, _ b: Sample, _ f: (Double) -> (value: Double, slope: Double)
    ) -> Double {
        let (first, second) = a.x <= b.x ? (a, b) : (b, a)
        if first.value == 0 { return first.x }
        if second.value == 0 { return second.x }
        // Callers bracket a root that theory guarantees; if rounding has erased the sign
        // change (a root at an end, computed as ±1e-17), that end is the answer.
        if first.value.sign == second.value.sign {
            return Swift.abs(first.value) <= Swift.abs(second.value) ? first.x : second.x
        }
        var low = first.x, high = second.x
        let lowIsNegative = first.value < 0
        let nearer = Swift.abs(first.value) <= Swift.abs(second.value) ? first : second
        var previousStep = high - low
        var x = nearer.x - nearer.value / nearer.slope
        if !(x > low && x < high) { x = 0.5 * (low + high) }
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

    /// Steps from `start` by the factor `ratio` (up if `upward`) until `isBeyond` holds for the
    /// function's value, and returns the last sample before and the first beyond, or nil once
    /// `limit` says stop. A `firstStep` (such as a Newton estimate of the root) is tried first;
    /// the step grows to a factor 2 after `fineSteps` steps.
    static func scan(
        from start: Sample, upward: Bool, firstStep: Double? = nil,
        ratio: Double = 1.0905077326652577,  // 2^(1/8)
        fineSteps: Int = 64, limit: (Double) -> Bool, isBeyond: (Sample) -> Bool,
        _ f: (Double) -> (value: Double, slope: Double)
    ) -> (inside: Sample, beyond: Sample)? {
        var current = start
        if let firstStep, firstStep.isFinite, firstStep > 0, upward ? firstStep > start.x : firstStep < start.x, !limit(firstStep) {
            let probe = Sample(firstStep, f)
            if isBeyond(probe) { return (current, probe) }
            current = probe
        }
        var steps = 0
        while true {
            let factor = steps < fineSteps ? ratio : 2
            let next = upward ? current.x * factor : current.x / factor
            if limit(next) { return nil }
            let sample = next > 0 ? Sample(next, f) : Sample(x: 0, value: .nan, slope: .nan)
            if isBeyond(sample) { return (current, sample) }
            current = sample
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
