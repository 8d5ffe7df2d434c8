import ChatModel
import Foundation

/// Where CLI text goes. Anything that came from a file is passed through `terminalSafe` first.
enum OutputStream {
    case standardOutput, standardError

    func write(_ text: String) {
        let handle = self == .standardOutput ? FileHandle.standardOutput : FileHandle.standardError
        handle.write(Data(text.utf8))
    }

    var isTerminal: Bool { isatty(self == .standardOutput ? STDOUT_FILENO : STDERR_FILENO) == 1 }
}

/// Text from an import file made harmless for a terminal: every `UnsafeScalar` (controls,
/// line breaks, bidi and other format characters, noncharacters) is shown as a `\u{…}` escape
/// instead of acting on the terminal. Emoji joiners stay, so 👩‍💻 still reads as one emoji.
func terminalSafe(_ text: String) -> String {
    var out = ""
    out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
    for scalar in text.unicodeScalars {
        switch UnsafeScalar(scalar) {
        case nil, .emojiJoiner: out.unicodeScalars.append(scalar)
        case .lineBreak, .tab, .control, .format, .noncharacter: out += "\\u{" + String(scalar.value, radix: 16) + "}"
        }
    }
    return out
}

/// `terminalSafe` line by line, for a report laid out in lines: only the layout's newlines survive.
/// Split by scalar, not by Character: a CR from the data just before a layout newline makes one
/// "\r\n" Character, and that newline would be escaped with it.
func terminalSafeLines(_ text: String) -> String {
    text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { terminalSafe(String($0)) }
        .joined(separator: "\n")
}
