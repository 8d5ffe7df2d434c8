/// A channel type's settings, as Stream's channel config holds them: which features its
/// channels have, the longest message text, and the slash commands they run.
public struct ChannelTypeConfig: Sendable, Hashable {
    /// The on/off settings, by their names on the wire, in the order Stream prints them.
    public enum Feature: String, Sendable, CaseIterable {
        case typingEvents = "typing_events"
        case readEvents = "read_events"
        case connectEvents = "connect_events"
        case search, reactions, replies, quotes, mutes, uploads
        case urlEnrichment = "url_enrichment"
        case customEvents = "custom_events"
        case pushNotifications = "push_notifications"
        case polls
        case countMessages = "count_messages"
        case markMessagesPending = "mark_messages_pending"
        case userMessageReminders = "user_message_reminders"
        case skipLastMessageUpdateForSystemMessages = "skip_last_msg_update_for_system_msgs"

        /// Stream's documented default for a new type (`channel_types.md`).
        var isOnByDefault: Bool {
            switch self {
            case .polls, .countMessages, .markMessagesPending, .userMessageReminders, .skipLastMessageUpdateForSystemMessages: false
            default: true
            }
        }
    }

    /// A setting that cannot be applied, with the reason in words.
    public struct Problem: Error, Sendable, Equatable {
        public let reason: String
        init(_ reason: String) { self.reason = reason }
    }

    /// Stream's OpenAPI bounds for `max_message_length`, and its default.
    public static let messageLengthBounds = 1...20_000
    public static let defaultMaxMessageLength = 5000
    static let automodModes = ["disabled", "simple", "AI"]
    static let automodBehaviors = ["flag", "block", "shadow_block"]
    /// When the built-in types came to be, for those never changed (Stream shows a fixed date too).
    public static let builtInEpoch = Timestamp(seconds: 1_577_836_800)

    public var name: String
    public var enabled: Set<Feature>
    public var maxMessageLength: Int
    public var commands: [BuiltInCommand]
    /// The app's own commands (`create_command`) this type lists, by name, after the built-in ones.
    public var customCommands: [String]
    public var automod: String
    public var automodBehavior: String
    /// The app's block list this type checks messages against (`Blocklist`), if any.
    public var blocklist: String?
    /// What happens to a message that matches it: `Blocklist.behaviors`.
    public var blocklistBehavior: String
    /// "infinite", or a number of days.
    public var messageRetention: String
    public var createdAt: Timestamp
    public var updatedAt: Timestamp

    /// Stream's defaults for a type named `name`. The built-in types share them, except that
    /// livestreams skip URL previews. Stream's docs advise turning typing, read and connect
    /// events off for livestreams, but its defaults leave them on, and so do these.
    public init(defaultsFor name: String, at time: Timestamp = builtInEpoch) {
        self.name = name
        enabled = Set(Feature.allCases.filter(\.isOnByDefault))
        if name == BuiltInChannelType.livestream.rawValue { enabled.remove(.urlEnrichment) }
        maxMessageLength = Self.defaultMaxMessageLength
        commands = BuiltInCommand.allCases
        customCommands = []
        automod = "disabled"
        automodBehavior = "flag"
        blocklistBehavior = "flag"
        messageRetention = "infinite"
        createdAt = time
        updatedAt = time
    }

    public subscript(feature: Feature) -> Bool {
        get { enabled.contains(feature) }
        set { if newValue { enabled.insert(feature) } else { enabled.remove(feature) } }
    }

    /// The settings as a flat object (commands by name): what `apply` reads, and what the store keeps.
    public var settings: JSONObject {
        var o = JSONObject()
        for feature in Feature.allCases { o.appendUnique(feature.rawValue, .bool(self[feature])) }
        o.appendUnique("max_message_length", .int(maxMessageLength))
        o.appendUnique("automod", .string(automod))
        o.appendUnique("automod_behavior", .string(automodBehavior))
        if let blocklist { o.appendUnique("blocklist", .string(blocklist)) }
        o.appendUnique("blocklist_behavior", .string(blocklistBehavior))
        o.appendUnique("message_retention", .string(messageRetention))
        o.appendUnique("commands", .array(commands.map { .string($0.rawValue) } + customCommands.map(JSONValue.string)))
        return o
    }

    /// Lays `settings` (as a create or update request sends them) over this config. Every
    /// key must be a setting this config holds, with a value of the right kind; on a problem
    /// nothing is changed. `appCommands` are the names of the app's own commands a type may list.
    public mutating func apply(_ settings: JSONObject, appCommands: Set<String> = []) throws(Problem) {
        var next = self
        for member in settings.members {
            let key = member.key
            let value = member.value
            if let feature = Feature(rawValue: key) {
                guard let on = value.boolValue else { throw Problem("\(key) must be a boolean, not \(value.typeName)") }
                next[feature] = on
                continue
            }
            switch key {
            case "max_message_length":
                guard let length = value.intValue, Self.messageLengthBounds.contains(length) else {
                    throw Problem(
                        "max_message_length must be a whole number from \(Self.messageLengthBounds.lowerBound) to \(Self.messageLengthBounds.upperBound)"
                    )
                }
                next.maxMessageLength = length
            case "commands": (next.commands, next.customCommands) = try Self.commands(value, appCommands: appCommands)
            case "automod": next.automod = try Self.choice(value, key, Self.automodModes)
            case "automod_behavior": next.automodBehavior = try Self.choice(value, key, Self.automodBehaviors)
            case "blocklist":
                // An empty name or null takes the list off; whether a named list exists is the store's to say.
                guard value.isNull || value.stringValue != nil else { throw Problem("blocklist must be a block list's name") }
                next.blocklist = value.stringValue.flatMap { $0.isEmpty ? nil : $0 }
            case "blocklist_behavior": next.blocklistBehavior = try Self.choice(value, key, Blocklist.behaviors)
            case "message_retention":
                guard let text = value.stringValue, text == "infinite" || (Int(text).map { $0 > 0 } ?? false) else {
                    throw Problem("message_retention must be \"infinite\" or a number of days as a string")
                }
                next.messageRetention = text
            default:
                let known =
                    Feature.allCases.map(\.rawValue) + [
                        "max_message_length", "commands", "automod", "automod_behavior", "blocklist", "blocklist_behavior",
                        "message_retention",
                    ]
                throw Problem(
                    "\(key) is not a channel type setting the local server supports (it supports \(known.joined(separator: ", ")))"
                )
            }
        }
        self = next
    }

    /// Command names, `"all"` standing for every built-in command; each command once, in the
    /// order named (the built-in ones, then the app's).
    private static func commands(_ value: JSONValue, appCommands: Set<String>) throws(Problem) -> ([BuiltInCommand], [String]) {
        guard let list = value.arrayValue else { throw Problem("commands must be a list of command names") }
        var out: [BuiltInCommand] = []
        var custom: [String] = []
        for item in list {
            guard let name = item.stringValue else { throw Problem("commands must be a list of command names") }
            let named: [BuiltInCommand]
            if name == "all" {
                named = BuiltInCommand.allCases
            } else if let command = BuiltInCommand(rawValue: name) {
                named = [command]
            } else if appCommands.contains(name) {
                if !custom.contains(name) { custom.append(name) }
                continue
            } else {
                throw Problem(
                    "command \(name) doesn't exist (commands: all, \(BuiltInCommand.allCases.map(\.rawValue).joined(separator: ", ")))"
                )
            }
            for command in named where !out.contains(command) { out.append(command) }
        }
        return (out, custom)
    }

    private static func choice(_ value: JSONValue, _ key: String, _ choices: [String]) throws(Problem) -> String {
        guard let text = value.stringValue, choices.contains(text) else {
            throw Problem("\(key) must be one of \(choices.joined(separator: ", "))")
        }
        return text
    }
}
