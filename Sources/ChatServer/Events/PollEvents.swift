import ChatModel
import ChatStore

/// Poll events (`poll.updated`, `poll.closed`, `poll.deleted`, `poll.vote_casted`,
/// `poll.vote_changed`, `poll.vote_removed`) go to the watchers of every channel with a
/// message that carries the poll, one event per message, in Stream's payload: the channel's
/// envelope, `message_id`, the poll as a server call sees it (no `own_votes`: Stream's
/// clients work those out from `poll_vote.user_id`), and for votes `poll_vote`.
struct PollEvents {
    let store: ChatStore
    let hub: EventHub

    func tell(_ type: String, poll: Poll, vote: PollVote? = nil, by user: String, messages: [(id: String, cid: String)]? = nil) async throws
    {
        let json = PollJSON(store: store)
        let pollJSON = try json.poll(poll, viewer: "")
        let voteJSON = try vote.map { try json.vote($0, in: poll, viewer: "") }
        for message in try messages ?? store.messages(carryingPoll: poll.id) {
            guard let channel = try store.channel(cid: message.cid) else { continue }
            var event = EventJSON.base(type, channel, user: user, store: store)
            event["poll"] = .object(pollJSON)
            event["message_id"] = .string(message.id)
            if let voteJSON { event["poll_vote"] = .object(voteJSON) }
            await hub.publish(event, cid: channel.cid)
        }
    }

    /// `poll.updated` after a change, and `poll.closed` too when it closed the poll.
    func changed(from old: Poll, to new: Poll, by user: String) async throws {
        try await tell("poll.updated", poll: new, by: user)
        if new.isClosed, !old.isClosed { try await tell("poll.closed", poll: new, by: user) }
    }
}
