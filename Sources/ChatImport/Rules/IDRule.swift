/// The shape rules Stream applies to ids and names.
enum IDRule {
    case user, channelID, channelType, messageID, deviceID, reactionType, pollID, pollOptionID, pollVoteID

    /// Stream's name for the field in "max … length exceeded".
    private var lengthName: String {
        switch self {
        case .user: "userID"
        case .channelID: "channelID"
        case .channelType: "channelType"
        case .messageID: "messageID"
        case .deviceID: "deviceID"
        case .reactionType: "reactionType"
        case .pollID: "pollID"
        case .pollOptionID: "pollOptionID"
        case .pollVoteID: "pollVoteID"
        }
    }

    var maxLength: Int {
        switch self {
        case .user, .messageID, .deviceID, .pollID, .pollOptionID, .pollVoteID: 255
        case .channelID, .channelType: 64
        case .reactionType: 30
        }
    }

    /// Which bytes may appear (nil: any byte).
    private var allowed: ByteSet? {
        switch self {
        case .user: IDRule.userBytes
        case .channelID, .channelType: IDRule.channelBytes
        case .reactionType: IDRule.reactionBytes
        case .messageID, .deviceID, .pollID, .pollOptionID, .pollVoteID: nil
        }
    }

    private static let userBytes = ByteSet("@")
    private static let channelBytes = ByteSet("")
    private static let reactionBytes = ByteSet("+:.")

    private var allowedText: String {
        switch self {
        case .user: "letters, digits, @, _ and -"
        case .channelID, .channelType: "letters, digits, _ and -"
        case .reactionType: "letters, digits, _, -, +, : and ."
        case .messageID, .deviceID, .pollID, .pollOptionID, .pollVoteID: "any characters"
        }
    }

    /// Whether `byte` may appear in such an id (the Chatkit converter maps the rest away).
    func accepts(_ byte: UInt8) -> Bool { allowed?.contains(byte) ?? true }

    /// `field` is only named in an error, so it is made only then (this runs for every id read).
    func problem(with value: String, field: @autoclosure () -> String) -> String? {
        if value.utf8.count > maxLength { return "max \(lengthName) length exceeded (\(maxLength))" }
        if let allowed, !(value.utf8.withContiguousStorageIfAvailable(allowed.containsAll) ?? value.utf8.allSatisfy(allowed.contains)) {
            return "'\(value)' is not a valid \(field()) (allowed: \(allowedText))"
        }
        return nil
    }
}

/// A set of bytes as 256 bits: no heap storage, so reading it retains nothing (this runs for
/// every id of an import file; the `[Bool]` table it replaced was retained and released each time).
private struct ByteSet {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    /// ASCII letters, digits, `_`, `-` and the bytes of `extra`.
    init(_ extra: String) {
        for byte in ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-" + extra).utf8 {
            let bit = UInt64(1) << UInt64(byte & 63)
            switch byte >> 6 {
            case 0: words.0 |= bit
            case 1: words.1 |= bit
            case 2: words.2 |= bit
            default: words.3 |= bit
            }
        }
    }

    func contains(_ byte: UInt8) -> Bool {
        let word =
            switch byte >> 6 {
            case 0: words.0
            case 1: words.1
            case 2: words.2
            default: words.3
            }
        return word & (UInt64(1) << UInt64(byte & 63)) != 0
    }

    func containsAll(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where !contains(byte) { return false }
        return true
    }
}
