import ChatModel

/// Text from the data made fit to travel inside an OSC sequence (a desktop notification's
/// title and body) or a notification daemon's arguments: one line that cannot end the
/// sequence early, split its fields or reach the terminal as a control.
public enum OSCSanitizer {
    /// `text` as one line of at most `limit` characters (a cut ends in `…`): every control
    /// (C0 with ESC and BEL, DEL, C1 with the 8-bit ST and OSC), format character and
    /// noncharacter removed (`UnsafeScalar`); line breaks and tabs become spaces and runs of
    /// spaces one; `;`, which separates OSC 777's fields (and begins OSC 9's commands), becomes
    /// the full-width `；`. A character of many scalars (stacked combining marks) counts by its
    /// bytes too, so the result stays within `limit` × 4 bytes.
    public static func field(_ text: String, limit: Int) -> String {
        var clean = String.UnicodeScalarView()
        var lastWasSpace = true
        for scalar in text.unicodeScalars {
            var kept = scalar
            switch UnsafeScalar(scalar) {
            case .lineBreak?, .tab?: kept = " "
            case .control?, .format?, .noncharacter?: continue
            case .emojiJoiner?, nil: if scalar == ";" { kept = "；" }
            }
            if kept == " " {
                if lastWasSpace { continue }
                lastWasSpace = true
            } else {
                lastWasSpace = kept.properties.isWhitespace
            }
            clean.append(kept)
        }
        var line = String(clean)
        while line.last?.isWhitespace == true { line.removeLast() }
        let byteLimit = limit * 4
        guard line.count > limit || line.utf8.count > byteLimit else { return line }
        var cut = ""
        for character in line {
            guard cut.count < limit - 1, cut.utf8.count + character.utf8.count <= byteLimit - 3 else { break }
            cut.append(character)
        }
        while cut.last?.isWhitespace == true { cut.removeLast() }
        return cut + "…"
    }
}
