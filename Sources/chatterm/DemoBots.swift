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
    /// thread reply or a reaction, after typing for a moment.
    private func speak(_ rest: StreamREST, inFirstChannel: Bool, _ random: inout SystemRandomNumberGenerator) async throws {
        let open = try store.channels(for: me).filter { $0.channel.frozen != true }
        let pick = inFirstChannel ? open.first { $0.channel.cid == firstChannel } : open.randomElement(using: &random)
        guard let channel = pick?.channel,
            let speaker = try store.members(cid: channel.cid).map(\.user.id).filter({ $0 != me }).randomElement(using: &random)
        else { return }
        let path = "channels/\(channel.type)/\(channel.id)"
        let latest = try store.messages(cid: channel.cid, viewer: me, limit: 1).last?.message
        let roll = inFirstChannel ? 9 : Int.random(in: 0..<10, using: &random)
        if roll < 2, let latest {
            _ = try await rest.post(
                "messages/\(latest.id)/reaction",
                ["reaction": ["type": .string(Self.reactions.randomElement(using: &random)!), "user": ["id": .string(speaker)]]]
            )
            return
        }
        let reply = roll < 4 ? latest?.id : nil
        let text = reply == nil ? Self.lines.randomElement(using: &random)! : Self.replies.randomElement(using: &random)!
        var typing: JSONObject = ["type": "typing.start", "user": ["id": .string(speaker)]]
        if let reply { typing["parent_id"] = .string(reply) }
        _ = try await rest.post(path + "/event", ["event": .object(typing)])
        try await Task.sleep(for: .seconds(Double.random(in: 1.5...3, using: &random)))
        var message: JSONObject = ["text": .string(text), "user": ["id": .string(speaker)]]
        if let reply { message["parent_id"] = .string(reply) }
        _ = try await rest.post(path + "/message", ["message": .object(message)])
    }
}
