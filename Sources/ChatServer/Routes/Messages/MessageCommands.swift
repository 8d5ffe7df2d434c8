import ChatModel
import ChatStore
import Foundation

/// The built-in commands a sent message runs instead of being posted (the server's side of
/// what a client's composer parses as a slash command): `/giphy TEXT` (an ephemeral picture to
/// send, shuffle or cancel, from an offline catalogue: the local server reaches no network), and
/// the moderation commands `/ban @user [reason]`, `/unban @user`, `/mute @user`, `/unmute @user`.
/// Their answers are ephemeral: seen by the sender, not stored.
struct MessageCommands {
    let store: ChatStore
    let hub: EventHub
    let ephemeral: EphemeralMessages

    static let giphyCatalogue: [(title: String, id: String)] = [
        ("celebrate", "l0MYt5jPR6QX5pnqM"), ("thumbs up", "111ebonMs90YLu"), ("cats", "JIX9t2j0ZTN9S"), ("ship it", "143vPc6b08locw"),
        ("coffee", "DrJm6F9poo4aA"), ("high five", "3oEjHV0z8S7WM4MwnK"), ("mind blown", "xT0xeJpnrWC4XWblEk"),
        ("dance", "l0MYJnJQ4EiYLxvQ4"),
    ]

    /// The command and its argument text when `text` starts with one of the `enabled` commands
    /// (the channel type's); any other text, `/unknown …` included, is an ordinary message.
    static func parse(_ text: String?, enabled: [BuiltInCommand]) -> (name: String, args: String)? {
        guard let text, text.hasPrefix("/") else { return nil }
        let parts = text.dropFirst().split(separator: " ", maxSplits: 1)
        guard let command = parts.first.flatMap({ BuiltInCommand(rawValue: $0.lowercased()) }), enabled.contains(command) else {
            return nil
        }
        return (command.rawValue, parts.count > 1 ? String(parts[1]).trimmingCharacters(in: .whitespaces) : "")
    }

    /// The name of the app's own command (`create_command`) `text` starts with, when the
    /// channel's type lists it (`enabled`).
    static func appCommand(_ text: String?, enabled: [String]) -> String? {
        guard let text, text.hasPrefix("/"), let name = text.dropFirst().split(separator: " ", maxSplits: 1).first else { return nil }
        return enabled.contains(String(name)) ? String(name) : nil
    }

    /// The answer to a command sent by `user` in `channel`: an ephemeral message (JSON) with
    /// the id the client gave the message it sent (`id`), so its actions can name it.
    func run(_ command: (name: String, args: String), id: String, channel: Channel, user: String) async throws -> JSONValue {
        if command.name == "giphy" {
            let message = EphemeralMessages.Giphy(
                id: id,
                cid: channel.cid,
                userID: user,
                query: command.args,
                index: Self.startIndex(for: command.args)
            )
            await ephemeral.put(message)
            return try giphyJSON(message, type: "ephemeral")
        }
        let target =
            command.args.split(separator: " ").first.map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: "@")) } ?? ""
        guard !target.isEmpty, try store.user(id: target) != nil else {
            return answer(
                "error",
                "/\(command.name) needs an existing user: /\(command.name) @user",
                id: id,
                channel: channel,
                user: user,
                command: command
            )
        }
        switch command.name {
        case "mute", "unmute":
            if command.name == "mute" {
                try store.mute(userID: user, targetID: target, expires: nil, at: .now())
            } else {
                try store.unmute(userID: user, targetID: target)
            }
            return answer("ephemeral", "\(target) has been \(command.name)d", id: id, channel: channel, user: user, command: command)
        default:
            // A command is a message from a user, so the user's rights count, whichever token carried it.
            guard try ChannelAccess(store: store, actor: .user(user)).mayModerate(channel.cid) else {
                return answer(
                    "error",
                    "You are not allowed to \(command.name) users in this channel",
                    id: id,
                    channel: channel,
                    user: user,
                    command: command
                )
            }
            if command.name == "ban" {
                let reason = command.args.split(separator: " ", maxSplits: 1).dropFirst().first.map(String.init)
                try store.save(
                    ban: Ban(
                        targetID: target,
                        cid: channel.cid,
                        createdBy: user,
                        reason: reason,
                        shadow: false,
                        expires: nil,
                        createdAt: .now()
                    )
                )
                await hub.publish(
                    EventJSON.ban("user.banned", target: target, channel: channel, by: user, reason: reason, expires: nil, store: store),
                    cid: channel.cid
                )
            } else {
                _ = try store.removeBan(targetID: target, cid: channel.cid)
                await hub.publish(
                    EventJSON.ban("user.unbanned", target: target, channel: channel, by: user, reason: nil, expires: nil, store: store),
                    cid: channel.cid
                )
            }
            return answer(
                "ephemeral",
                "\(target) has been \(command.name == "ban" ? "banned" : "unbanned")",
                id: id,
                channel: channel,
                user: user,
                command: command
            )
        }
    }

    private func answer(
        _ type: String,
        _ text: String,
        id: String,
        channel: Channel,
        user: String,
        command: (name: String, args: String)
    ) -> JSONValue {
        var o = Self.unsaved(type, text, id: id, cid: channel.cid, user: user, store: store)
        o["command"] = .string(command.name)
        o["args"] = .string(command.args)
        return .object(o)
    }

    /// A message answered to its sender alone and never stored: a command's answer, or a send
    /// a block list blocked.
    static func unsaved(_ type: String, _ text: String, id: String, cid: String, user: String, store: ChatStore) -> JSONObject {
        let now = Timestamp.now().rfc3339
        return [
            "id": .string(id), "type": .string(type), "text": .string(text), "cid": .string(cid),
            "user": UserJSON.json((try? store.user(id: user)).flatMap { $0 } ?? User(id: user)), "created_at": .string(now),
            "updated_at": .string(now), "attachments": [],
        ]
    }

    func giphyJSON(_ g: EphemeralMessages.Giphy, type: String) throws -> JSONValue {
        let pick = Self.giphyCatalogue[g.index % Self.giphyCatalogue.count]
        let url = "https://media.giphy.com/media/\(pick.id)/giphy.gif"
        var attachment: JSONObject = [
            "type": "giphy", "title": .string(g.query.isEmpty ? pick.title : g.query), "title_link": .string(url),
            "image_url": .string(url), "thumb_url": .string("https://media.giphy.com/media/\(pick.id)/200w.gif"),
        ]
        if type == "ephemeral" {
            attachment["actions"] = .array(
                ["send", "shuffle", "cancel"].map { action in
                    [
                        "name": "image_action", "text": .string(action.capitalized),
                        "style": .string(action == "send" ? "primary" : "default"),
                        "type": "button", "value": .string(action),
                    ]
                }
            )
        }
        let now = Timestamp.now().rfc3339
        return [
            "id": .string(g.id), "type": .string(type), "text": .string("/giphy \(g.query)"), "cid": .string(g.cid),
            "user": UserJSON.json(try store.user(id: g.userID) ?? User(id: g.userID)), "command": "giphy", "args": .string(g.query),
            "command_info": ["name": "Giphy"], "attachments": [.object(attachment)], "created_at": .string(now), "updated_at": .string(now),
        ]
    }

    /// The same query starts on the same picture (no randomness to make tests or demos flaky).
    static func startIndex(for query: String) -> Int {
        Int(query.unicodeScalars.reduce(UInt32(0)) { $0 &* 31 &+ $1.value } % UInt32(giphyCatalogue.count))
    }
}
