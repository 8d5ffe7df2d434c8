/// What theme files say about one attribute. `nil` means "not said here": the value comes from
/// a file layered underneath, else from the parent attribute.
struct PartialStyle: Equatable, Sendable {
    var foreground: TerminalColor?
    var background: TerminalColor?
    /// Set wholesale, never per flag: `reaction.mine.style = underline` means exactly underline,
    /// whatever `reaction` has, so a child can also drop a parent's flag (`style = none`).
    var attributes: TextAttributes?

    /// `self` with whatever `top` says taking precedence (an override file over its theme).
    func overlaid(by top: PartialStyle) -> PartialStyle {
        PartialStyle(
            foreground: top.foreground ?? foreground,
            background: top.background ?? background,
            attributes: top.attributes ?? attributes
        )
    }
}
