/// A mouse report from the terminal, in SGR form (`CSI < b ; x ; y M` on press, `m` on
/// release), which the client asks for with `CSI ?1000h` and `CSI ?1006h`. Cells count from
/// 0 here, as the frame's do (the terminal counts from 1).
public struct MouseEvent: Hashable, Sendable {
    public enum Action: Hashable, Sendable {
        /// A button went down: 0 left, 1 middle, 2 right.
        case press(button: Int)
        case release(button: Int)
        case wheelUp, wheelDown
        /// The pointer moved (with a button held, or any-motion tracking): nothing acts on it.
        case motion
    }

    public var action: Action
    public var x: Int
    public var y: Int

    public init(_ action: Action, x: Int, y: Int) {
        self.action = action
        self.x = x
        self.y = y
    }

    /// The bytes that make up a report's parameters, `0;12;5` (digits and `;`), past which a
    /// sequence is no report: the reader stops there rather than take more keys into it.
    static let longestParameters = 24

    /// The event of a report whose parameters (what comes after `CSI <`, before the final
    /// byte) are `parameters` and whose final byte is `final`; nil for anything malformed:
    /// not three numbers, coordinates below 1, a final byte other than `M` or `m`, or wheel
    /// buttons the client has no use for (left and right tilt).
    public init?(sgrParameters parameters: String, final: Character) {
        guard final == "M" || final == "m", parameters.count <= Self.longestParameters else { return nil }
        let fields = parameters.split(separator: ";", omittingEmptySubsequences: false)
        guard fields.count == 3, fields.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let code = Int(fields[0]), let column = Int(fields[1]), let row = Int(fields[2]), column >= 1, row >= 1
        else { return nil }
        // The low two bits name the button, 4/8/16 are Shift/Alt/Ctrl (ignored: a click is a
        // click), 32 is motion and 64 the wheel.
        let button = code & 3
        if code & 64 != 0 {
            guard code & 32 == 0, button < 2 else { return nil }
            self.init(button == 0 ? .wheelUp : .wheelDown, x: column - 1, y: row - 1)
        } else if code & 32 != 0 {
            self.init(.motion, x: column - 1, y: row - 1)
        } else if final == "m" {
            self.init(.release(button: button), x: column - 1, y: row - 1)
        } else {
            guard button < 3 else { return nil }
            self.init(.press(button: button), x: column - 1, y: row - 1)
        }
    }

    /// The sequences that turn reporting on and off: button presses and the wheel (1000), in
    /// SGR form (1006), which has no limit of 223 columns and tells a release's button.
    static let reportingOn = "\u{1B}[?1000h\u{1B}[?1006h"
    static let reportingOff = "\u{1B}[?1006l\u{1B}[?1000l"
}
