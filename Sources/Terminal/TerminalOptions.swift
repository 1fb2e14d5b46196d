/// What the caller chooses about the terminal session.
public struct TerminalOptions: Sendable {
    /// Report button-1 presses and the wheel (the terminal's own selection then needs Shift).
    public var mouse: Bool = true
    /// Force a colour depth (clamped to what the terminal supports); nil: `NO_COLOR` or the
    /// terminal's own depth.
    public var colorDepth: ColorDepth? = nil

    public init(mouse: Bool = true, colorDepth: ColorDepth? = nil) {
        self.mouse = mouse
        self.colorDepth = colorDepth
    }
}
