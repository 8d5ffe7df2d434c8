import ChatCore
import ChatModel

/// Polls through Stream's Poll API: `/poll` creates one and sends it in a message, votes go to
/// the message's poll, and the poll events become `pollUpdated` for the message's card.
extension StreamBackend {
    func runPoll(_ request: LiveRequest, deliver: @Sendable (ChatEvent) -> Void) async {
        do {
            switch request {
            case .createPoll(let cid, let question, let options):
                let body: JSONObject = ["name": .string(question), "options": .array(options.map { ["text": .string($0)] })]
                guard let id = try await rest.post("polls", body)["poll"]?.objectValue?["id"]?.stringValue else {
                    throw StreamAPIFailure(status: 0, code: -1, message: "no poll in the answer")
                }
                let answer = try await rest.post(Self.channelPath(cid, "message"), ["message": ["text": "", "poll_id": .string(id)]])
                if let row = answer["message"]?.objectValue.flatMap({ StreamItems.messageRow($0, viewer: userID) }) {
                    deliver(.messageUpserted(row))
                }
            case .vote(let messageID, let pollID, let optionID):
                let answer = try await rest.post("messages/\(messageID)/polls/\(pollID)/vote", ["vote": ["option_id": .string(optionID)]])
                deliverPoll(answer, messageID: messageID, deliver)
            case .unvote(let messageID, let pollID, let voteID):
                let answer = try await rest.send("DELETE", "messages/\(messageID)/polls/\(pollID)/vote/\(voteID)", body: nil)
                deliverPoll(answer, messageID: messageID, deliver)
            default:
                return
            }
        } catch {
            deliver(.failed("Could not \(Self.pollVerb(request)): \((error as? StreamAPIFailure)?.message ?? "\(error)")"))
        }
    }

    /// A vote's answer holds the poll as this user sees it, own votes and all.
    private func deliverPoll(_ answer: JSONObject, messageID: String, _ deliver: @Sendable (ChatEvent) -> Void) {
        guard let poll = answer["poll"]?.objectValue.flatMap(StreamItems.pollCard) else { return }
        deliver(.pollUpdated(messageID: messageID, poll: poll, own: .exact))
    }

    private static func pollVerb(_ request: LiveRequest) -> String {
        switch request {
        case .unvote: "take the vote back"
        case .vote: "vote"
        default: "send the poll"
        }
    }
}

extension StreamItems {
    /// A poll (PollResponseData) as the reader's card: `own_votes` are the reader's.
    static func pollCard(_ o: JSONObject) -> PollCard? {
        guard let id = o["id"]?.stringValue else { return nil }
        let counts = o["vote_counts_by_option"]?.objectValue
        var own: [String: String] = [:]
        for vote in o.objects("own_votes") where vote["is_answer"]?.boolValue != true {
            if let option = vote["option_id"]?.stringValue, let voteID = vote["id"]?.stringValue { own[option] = voteID }
        }
        return PollCard(
            id: id,
            name: o["name"]?.stringValue ?? "",
            options: o.objects("options").compactMap { option in
                option["id"]?.stringValue.map {
                    PollCard.Option(id: $0, text: option["text"]?.stringValue ?? "", count: counts?[$0]?.intValue ?? 0)
                }
            },
            ownVotes: own,
            isClosed: o["is_closed"]?.boolValue ?? false,
            isAnonymous: o["voting_visibility"]?.stringValue == "anonymous",
            enforceUniqueVote: o["enforce_unique_vote"]?.boolValue ?? false
        )
    }

    /// A poll event for the card of its message: whose vote it was decides what it says
    /// about the reader's own votes.
    static func pollEvent(_ event: JSONObject, viewer: String) -> ChatEvent? {
        guard let type = event["type"]?.stringValue, let messageID = event["message_id"]?.stringValue else { return nil }
        if type == "poll.deleted" { return .pollUpdated(messageID: messageID, poll: nil, own: .kept) }
        guard let poll = event["poll"]?.objectValue.flatMap(pollCard) else { return nil }
        var own = PollCard.OwnVotes.kept
        if let vote = event["poll_vote"]?.objectValue, vote["user_id"]?.stringValue == viewer, vote["is_answer"]?.boolValue != true,
            let option = vote["option_id"]?.stringValue, let id = vote["id"]?.stringValue
        {
            own = .vote(optionID: option, voteID: id, removed: type == "poll.vote_removed")
        }
        return .pollUpdated(messageID: messageID, poll: poll, own: own)
    }
}
