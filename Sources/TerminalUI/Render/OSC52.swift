import Foundation

/// Copying to the clipboard through the terminal (OSC 52: `ESC ] 52 ; c ; BASE64 ESC \`), which
/// works over ssh and needs no X or Wayland tool. Inside tmux the sequence goes twice: as it is,
/// for tmux's own `set-clipboard on`, and wrapped in tmux's passthrough (`allow-passthrough on`)
/// for the terminal outside it.
enum OSC52 {
    /// Terminals cap what they take (xterm and tmux at about 100 000 bytes of base64): longer
    /// text is refused whole rather than copied in part.
    static let maxBytes = 74_000

    /// The bytes to write for `text`; nil when it is longer than `maxBytes`.
    static func sequence(_ text: String, inTmux: Bool) -> String? {
        guard text.utf8.count <= maxBytes else { return nil }
        let plain = "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{1B}\\"
        guard inTmux else { return plain }
        // Passthrough: ESC P tmux; …with each ESC doubled… ESC \.
        return plain + "\u{1B}Ptmux;" + plain.replacingOccurrences(of: "\u{1B}", with: "\u{1B}\u{1B}") + "\u{1B}\\"
    }
}
