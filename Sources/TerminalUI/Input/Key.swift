/// A key press as the client understands it, decoded from ncurses codes by `Screen`.
public enum Key: Hashable, Sendable {
    case character(Character)
    case control(Character)
    case alt(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, backspace, tab
    case function(Int)
    case resize
    /// The terminal gained (true) or lost the focus: its focus report (`CSI I`, `CSI O`), not a key
    /// pressed; the runtime tells the reducer and no key table sees it.
    case focus(Bool)
    /// A bracketed paste, whole: it goes into the composer as text and never sends by itself.
    case paste(String)
    /// A click or a turn of the wheel (`--no-mouse` leaves reporting off, so none come).
    case mouse(MouseEvent)
}
