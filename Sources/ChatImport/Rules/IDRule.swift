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

    /// Which bytes may appear, as a table indexed by byte (nil: any byte).
    private var allowed: [Bool]? {
        switch self {
        case .user: IDRule.userBytes
        case .channelID, .channelType: IDRule.channelBytes
        case .reactionType: IDRule.reactionBytes
        case .messageID, .deviceID, .pollID, .pollOptionID, .pollVoteID: nil
        }
    }

    private static func table(_ extra: String) -> [Bool] {
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-".utf8).union(extra.utf8)
        return (0..<256).map { allowed.contains(UInt8($0)) }
    }

    private static let userBytes = table("@")
    private static let channelBytes = table("")
    private static let reactionBytes = table("+:.")

    private var allowedText: String {
        switch self {
        case .user: "letters, digits, @, _ and -"
        case .channelID, .channelType: "letters, digits, _ and -"
        case .reactionType: "letters, digits, _, -, +, : and ."
        case .messageID, .deviceID, .pollID, .pollOptionID, .pollVoteID: "any characters"
        }
    }

    /// Whether `byte` may appear in such an id (the Chatkit converter maps the rest away).
    func accepts(_ byte: UInt8) -> Bool { allowed?[Int(byte)] ?? true }

    /// `field` is only named in an error, so it is made only then (this runs for every id read).
    func problem(with value: String, field: @autoclosure () -> String) -> String? {
        if value.utf8.count > maxLength { return "max \(lengthName) length exceeded (\(maxLength))" }
        if let allowed, value.utf8.contains(where: { !allowed[Int($0)] }) {
            return "'\(value)' is not a valid \(field()) (allowed: \(allowedText))"
        }
        return nil
    }
}
