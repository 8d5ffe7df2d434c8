/// The commands the composer knows: one table, read by the reducer, by completion and by the
/// help overlay. Server commands go to the server as the message text (it answers them);
/// client commands act here and send nothing.
public struct SlashCommand: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case server
        case client(Action)
    }

    public enum Action: Sendable, Equatable {
        case help, quit, join, members, msg
        case reply, thread, react, edit, delete, pin, topic, leave, reconnect, search, theme, timestamps, report, poll
        case pinChannel, unpinChannel, archive, unarchive, archived, block, unblock, blocked, upload, notify, mentions, threads, pinned,
            flag
    }

    public let name: String
    public let arguments: String
    public let help: String
    public let kind: Kind

    public static let all: [SlashCommand] = [
        SlashCommand(
            name: "giphy",
            arguments: "TEXT",
            help: "post a GIF: a preview first (↑, then Enter sends, s shuffles, x cancels)",
            kind: .server
        ),
        SlashCommand(name: "ban", arguments: "@user [reason]", help: "ban a user from this channel (moderators)", kind: .server),
        SlashCommand(name: "unban", arguments: "@user", help: "lift a ban (moderators)", kind: .server),
        SlashCommand(name: "mute", arguments: "@user", help: "stop seeing a user's messages in your notifications", kind: .server),
        SlashCommand(name: "unmute", arguments: "@user", help: "unmute a user", kind: .server),
        SlashCommand(
            name: "block",
            arguments: "@user",
            help: "block a user: your direct messages with them leave the sidebar",
            kind: .client(.block)
        ),
        SlashCommand(name: "unblock", arguments: "@user", help: "unblock a user", kind: .client(.unblock)),
        SlashCommand(name: "blocked", arguments: "", help: "list the users you block", kind: .client(.blocked)),
        SlashCommand(
            name: "flag",
            arguments: "[@user] [reason]",
            help: "report the newest message (or a user) to the moderators, after a yes",
            kind: .client(.flag)
        ),
        SlashCommand(
            name: "upload",
            arguments: "PATH [text]",
            help: "send a file (an image shows as one; \"quote\" a path with spaces)",
            kind: .client(.upload)
        ),
        SlashCommand(name: "join", arguments: "#channel", help: "open a channel by name or id", kind: .client(.join)),
        SlashCommand(name: "msg", arguments: "@user [text]", help: "a direct message (the conversation opens)", kind: .client(.msg)),
        SlashCommand(
            name: "reply",
            arguments: "TEXT",
            help: "reply in the thread of the newest message (or the selected one)",
            kind: .client(.reply)
        ),
        SlashCommand(name: "thread", arguments: "", help: "open the thread of the newest message", kind: .client(.thread)),
        SlashCommand(name: "react", arguments: ":emoji:", help: "react to the newest message, e.g. /react :fire:", kind: .client(.react)),
        SlashCommand(
            name: "edit",
            arguments: "[TEXT]",
            help: "edit your newest message (with TEXT: replace it at once)",
            kind: .client(.edit)
        ),
        SlashCommand(name: "delete", arguments: "", help: "delete your newest message (y confirms)", kind: .client(.delete)),
        SlashCommand(name: "pin", arguments: "", help: "pin or unpin the newest message", kind: .client(.pin)),
        SlashCommand(name: "topic", arguments: "TEXT", help: "set the channel's topic (moderators)", kind: .client(.topic)),
        SlashCommand(
            name: "poll",
            arguments: "\"QUESTION\" \"OPTION\" \"OPTION\"…",
            help: "send a poll",
            kind: .client(.poll)
        ),
        SlashCommand(name: "search", arguments: "TEXT", help: "find messages in your channels (Enter opens one)", kind: .client(.search)),
        SlashCommand(
            name: "mentions",
            arguments: "",
            help: "messages that mention you, newest first (Enter opens one)",
            kind: .client(.mentions)
        ),
        SlashCommand(
            name: "threads",
            arguments: "",
            help: "your threads, unread replies first (Enter opens one)",
            kind: .client(.threads)
        ),
        SlashCommand(
            name: "pinned",
            arguments: "",
            help: "messages pinned in this channel (Enter opens one)",
            kind: .client(.pinned)
        ),
        SlashCommand(
            name: "notify",
            arguments: "all|mentions|none",
            help: "what in this channel notifies you (kept in config.toml)",
            kind: .client(.notify)
        ),
        SlashCommand(name: "leave", arguments: "", help: "leave this channel", kind: .client(.leave)),
        SlashCommand(name: "pin-channel", arguments: "", help: "pin this channel to the top of the sidebar", kind: .client(.pinChannel)),
        SlashCommand(name: "unpin-channel", arguments: "", help: "unpin this channel", kind: .client(.unpinChannel)),
        SlashCommand(name: "archive", arguments: "", help: "archive this channel (folded at the sidebar's end)", kind: .client(.archive)),
        SlashCommand(name: "unarchive", arguments: "", help: "bring this channel back from the archive", kind: .client(.unarchive)),
        SlashCommand(name: "archived", arguments: "", help: "show or fold the archived channels (also Alt-Z)", kind: .client(.archived)),
        SlashCommand(name: "reconnect", arguments: "", help: "drop the connection and connect again now", kind: .client(.reconnect)),
        SlashCommand(name: "theme", arguments: "NAME", help: "switch theme: dark, light, mono, dark256 or a file", kind: .client(.theme)),
        SlashCommand(
            name: "timestamps",
            arguments: "FORMAT",
            help: "message times: 24h, 12h, 24h-date or 12h-date (this session)",
            kind: .client(.timestamps)
        ),
        SlashCommand(name: "report", arguments: "", help: "migration summary: what the store holds (also F3)", kind: .client(.report)),
        SlashCommand(name: "members", arguments: "", help: "show or hide the member list", kind: .client(.members)),
        SlashCommand(name: "help", arguments: "", help: "keys and commands", kind: .client(.help)),
        SlashCommand(name: "quit", arguments: "", help: "leave chatterm", kind: .client(.quit)),
    ]

    /// `text` without leading and trailing whitespace (newlines included).
    public static func trimmed<S: StringProtocol>(_ text: S) -> String {
        String(String(text.drop(while: \.isWhitespace).reversed()).drop(while: \.isWhitespace).reversed())
    }

    /// The command a line starts with and the rest of the line; nil when the line is not a command.
    public static func parse(_ line: String) -> (name: String, arguments: String)? {
        guard line.hasPrefix("/"), !line.hasPrefix("//") else { return nil }
        let body = line.dropFirst()
        let name = body.prefix { !$0.isWhitespace }
        guard !name.isEmpty else { return nil }
        return (String(name), trimmed(body.dropFirst(name.count)))
    }
}
