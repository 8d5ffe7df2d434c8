import ChatClient
import ChatModel
import ChatServer
import ChatStore
import Foundation

/// The demo's people talking in the background, through the server like any client: someone
/// in one of the demo user's channels types for a moment, then posts, replies in a thread or
/// reacts. Lines come from a small script about the demo company's work.
struct DemoBots: Sendable {
    let baseURL: String
    let credentials: ServerCredentials
    let me: String
    let store: ChatStore
    let interval: Double
    /// The channel the client opens first: the bots start there, so the audience sees someone
    /// type straight away.
    let firstChannel: String?

    static let lines = [
        "Pushed the fixture-sync fix to staging, can someone give it a spin?",
        "The under-12s league imported fine, all 40 teams are there 🎉",
        "Standup moved to 10:15 today",
        "Anyone seen the crash report from the Lisbon club? Looks like a timezone thing",
        "Design review for the new match-day screen is in the doc, comments welcome",
        "Stream's dashboard shows the imported history, message counts match",
        "I'll take the push-notification ticket",
        "Coffee ☕ anyone?",
        "Release notes for 3.2 are drafted",
        "Rolled back the migration flag for the two clubs still on the old app",
    ]
    static let replies = ["Looking now 👀", "Done ✅", "Nice!", "On it", "+1", "Thanks, that helps", "Let's discuss at standup"]
    static let reactions = ["like", "love", "haha", "wow", "fire"]

    func start() -> Task<Void, Never> {
        Task.detached {
            let rest = StreamREST(
                endpoint: StreamEndpoint(
                    baseURL: baseURL,
                    apiKey: credentials.apiKey,
                    token: StreamToken.sign(["server": true], secret: credentials.apiSecret)
                )
            )
            var random = SystemRandomNumberGenerator()
            var first = true
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(interval * Double.random(in: 0.6...1.4, using: &random)))
                try? await speak(rest, inFirstChannel: first, &random)
                first = false
            }
        }
    }

    /// One turn: a channel of the demo user's, one of its other members, then a message, a
    /// thread reply or a reaction, after typing for a moment. Now and then the reply goes to one
    /// of the demo user's own threads, wherever it is: the sidebar's `Threads (N)` has news.
    private func speak(_ rest: StreamREST, inFirstChannel: Bool, _ random: inout SystemRandomNumberGenerator) async throws {
        let roll = inFirstChannel ? 9 : Int.random(in: 0..<10, using: &random)
        if roll == 4, let thread = try store.threads(of: me, replyLimit: 0).randomElement(using: &random)?.parent.message,
            let channel = try store.channel(cid: thread.cid), channel.frozen != true,
            let speaker = try speaker(in: channel.cid, &random)
        {
            try await say(Self.replies.randomElement(using: &random)!, as: speaker, in: channel, replyingTo: thread.id, rest, &random)
            return
        }
        let open = try store.channels(for: me).filter { $0.channel.frozen != true }
        let pick = inFirstChannel ? open.first { $0.channel.cid == firstChannel } : open.randomElement(using: &random)
        guard let channel = pick?.channel, let speaker = try speaker(in: channel.cid, &random) else { return }
        let latest = try store.messages(cid: channel.cid, viewer: me, limit: 1).last?.message
        if roll < 2, let latest {
            _ = try await rest.post(
                "messages/\(latest.id)/reaction",
                ["reaction": ["type": .string(Self.reactions.randomElement(using: &random)!), "user": ["id": .string(speaker)]]]
            )
            return
        }
        let reply = roll < 4 ? latest?.id : nil
        let text = reply == nil ? Self.lines.randomElement(using: &random)! : Self.replies.randomElement(using: &random)!
        try await say(text, as: speaker, in: channel, replyingTo: reply, rest, &random)
    }

    /// One of the channel's members other than the demo user.
    private func speaker(in cid: String, _ random: inout SystemRandomNumberGenerator) throws -> String? {
        try store.members(cid: cid).map(\.user.id).filter { $0 != me }.randomElement(using: &random)
    }

    /// Types for a moment, then posts `text` (a reply when `parent` is given).
    private func say(
        _ text: String,
        as speaker: String,
        in channel: Channel,
        replyingTo parent: String?,
        _ rest: StreamREST,
        _ random: inout SystemRandomNumberGenerator
    ) async throws {
        let path = "channels/\(channel.type)/\(channel.id)"
        var typing: JSONObject = ["type": "typing.start", "user": ["id": .string(speaker)]]
        if let parent { typing["parent_id"] = .string(parent) }
        _ = try await rest.post(path + "/event", ["event": .object(typing)])
        try await Task.sleep(for: .seconds(Double.random(in: 1.5...3, using: &random)))
        var message: JSONObject = ["text": .string(text), "user": ["id": .string(speaker)]]
        if let parent { message["parent_id"] = .string(parent) }
        _ = try await rest.post(path + "/message", ["message": .object(message)])
    }
}
