/// The words search finds in a message's text, one definition for both stores: a word is a run
/// of letters, digits, private-use characters and marks (anything else splits words), case
/// folded a character at a time, accents kept, never stemmed. It is what SQLite's FTS5
/// tokenizer makes of text (unicode61, `remove_diacritics 0`, categories `L* N* Co M*`, with
/// `MessageWordIndex.separators`), and what chatterm itself stores for PostgreSQL's index
/// (`MessageWordIndex.postgresWordsStep`): PostgreSQL's own parser splits differently.
enum MessageWords {
    /// The words of `text` in order, one space between words; a word longer than `longest` bytes
    /// is left out, and so is one that would make the whole longer than `total` bytes. The text
    /// is read as bytes: an import computes this for every message it writes to PostgreSQL, and
    /// most text is ASCII, which needs no Unicode tables.
    static func spaced(_ text: String, longest: Int = .max, total: Int = .max) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            // Where the word being read starts in `out`, or nil between words.
            var wordStart: Int? = nil
            func endWord() {
                guard let start = wordStart else { return }
                wordStart = nil
                if out.count - start > longest || out.count > total { out.removeSubrange(max(start - 1, 0)...) }
            }
            func startWord() {
                guard wordStart == nil else { return }
                if !out.isEmpty { out.append(0x20) }
                wordStart = out.count
            }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    index += 1
                    switch byte {
                    case 0x30...0x39, 0x61...0x7A:
                        startWord()
                        out.append(byte)
                    case 0x41...0x5A:
                        startWord()
                        out.append(byte + 0x20)
                    default:
                        endWord()
                    }
                    continue
                }
                let (scalar, length) = decode(bytes, at: index)
                index += length
                if isWordScalar(scalar) {
                    startWord()
                    UTF8.encode(folded(scalar)) { out.append($0) }
                } else {
                    endWord()
                }
            }
            endWord()
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The words of `text`, in order.
    static func split(_ text: String) -> [String] {
        spaced(text).split(separator: " ").map(String.init)
    }

    /// The scalar whose UTF-8 starts at `index` (not ASCII) of valid UTF-8, and its length.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[index])
        func next(_ offset: Int) -> UInt32 { UInt32(bytes[index + offset]) & 0x3F }
        let (value, length): (UInt32, Int) =
            switch lead {
            case ..<0xE0: ((lead & 0x1F) << 6 | next(1), 2)
            case ..<0xF0: ((lead & 0x0F) << 12 | next(1) << 6 | next(2), 3)
            default: ((lead & 0x07) << 18 | next(1) << 12 | next(2) << 6 | next(3), 4)
            }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber, .privateUse, .nonspacingMark, .spacingMark, .enclosingMark:
            true
        default: false
        }
    }

    /// One character's lower case when that is one character: unicode61 folds a character to a
    /// single one, and leaves `İ`, whose lower case is `i` and a dot above, as it is.
    private static func folded(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        return lower.count == 1 ? lower.first! : scalar
    }
}
