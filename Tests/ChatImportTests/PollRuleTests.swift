import ChatImport
import ChatModel
import ChatTestSupport
import XCTest

/// `poll` and `poll_vote` items: their fields, their references, and the voting rules of
/// Stream's Poll API (`enforce_unique_vote`, `max_votes_allowed`, `allow_answers`).
final class PollRuleTests: ValidationTestCase {
    private static let options = #""options":[{"id":"a","text":"Tea"},{"id":"b","text":"Coffee"},{"id":"c","text":"Water"}]"#

    private func poll(_ fields: String = "", id: String = "p1") -> String {
        #"{"type":"poll","data":{"id":"\#(id)","name":"Drinks?","created_by_id":"alice",\#(Self.options)\#(fields)}}"#
    }

    private func vote(_ id: String, user: String = "bob", option: String? = "a", poll: String = "p1", extra: String = "") -> String {
        let choice = option.map { #","option_id":"\#($0)""# } ?? ""
        return
            #"{"type":"poll_vote","data":{"id":"\#(id)","poll_id":"\#(poll)"\#(choice),"user_id":"\#(user)","created_at":"2020-01-01T11:00:00Z"\#(extra)}}"#
    }

    private func pollMessage(_ pollID: String = "p1") -> String {
        #"{"type":"message","data":{"id":"m2","channel_type":"messaging","channel_id":"general","user":"alice","poll_id":"\#(pollID)"}}"#
    }

    func testAPollWithVotesAndAnAnswerIsValidAndReadWhole() throws {
        let lines = base(
            pollMessage(),
            poll(
                #","description":"Pick one","voting_visibility":"anonymous","enforce_unique_vote":true,"max_votes_allowed":1,"allow_answers":true,"allow_user_suggested_options":true,"is_closed":true,"created_at":"2020-01-01T10:30:00Z","updated_at":"2020-01-01T12:00:00Z","colour":"green""#
            ),
            vote("v1"),
            vote("v2", user: "alice", option: "b", extra: #","updated_at":"2020-01-01T11:05:00Z""#),
            vote("v3", option: nil, extra: #","is_answer":true,"answer_text":"Juice""#)
        )
        let sink = RecordingSink()
        let result = try ImportAnalyzer(sink: sink).run(path: directory.write("polls.jsonl", lines: lines))
        XCTAssertEqual(result.errors.map(\.error), [])
        XCTAssertEqual(result.total[.poll], 1)
        XCTAssertEqual(result.total[.pollVote], 3)
        let polls = sink.items.compactMap { if case .poll(let p) = $0 { p } else { nil } }
        let poll = try XCTUnwrap(polls.first)
        XCTAssertEqual(poll.name, "Drinks?")
        XCTAssertEqual(poll.description, "Pick one")
        XCTAssertEqual(poll.createdByID, "alice")
        XCTAssertEqual(poll.votingVisibility, .anonymous)
        XCTAssertEqual(
            [poll.enforceUniqueVote, poll.allowAnswers, poll.allowUserSuggestedOptions, poll.isClosed],
            [true, true, true, true]
        )
        XCTAssertEqual(poll.maxVotesAllowed, 1)
        XCTAssertEqual(poll.options.map(\.id), ["a", "b", "c"])
        XCTAssertEqual(poll.options.map(\.text), ["Tea", "Coffee", "Water"])
        XCTAssertEqual(poll.custom, ["colour": "green"])
        XCTAssertEqual(poll.updatedAt?.rfc3339, "2020-01-01T12:00:00Z")
        let votes = sink.items.compactMap { if case .pollVote(let v) = $0 { v } else { nil } }
        XCTAssertEqual(votes.map(\.optionID), ["a", "b", nil])
        XCTAssertEqual(votes.map(\.isAnswer), [false, false, true])
        XCTAssertEqual(votes.last?.answerText, "Juice")
        let messages = sink.items.compactMap { if case .message(let m) = $0 { m } else { nil } }
        XCTAssertEqual(messages.map(\.pollID), [nil, "p1"])
    }

    func testPollFields() throws {
        try assertErrors(
            base(#"{"type":"poll","data":{"id":"p1"}}"#),
            [#"Validation error: "name" required"#]
        )
        try assertErrors(base(#"{"type":"poll","data":{"name":"x"}}"#), [#"Validation error: "id" required"#])
        try assertErrors(
            base(poll(#","voting_visibility":"secret""#)),
            ["Validation error: 'secret' is not a valid poll.voting_visibility (public or anonymous)"]
        )
        try assertErrors(
            base(poll(#","max_votes_allowed":0"#)),
            ["Validation error: poll.max_votes_allowed must be between 1 and 10, not 0"]
        )
        try assertErrors(
            base(poll(#","max_votes_allowed":11"#)),
            ["Validation error: poll.max_votes_allowed must be between 1 and 10, not 11"]
        )
        try assertValid(base(poll(#","max_votes_allowed":10"#)))
        try assertErrors(
            base(poll(#","max_votes_allowed":2.5"#)),
            ["Parse error: json: cannot unmarshal number into field poll.max_votes_allowed of type int"]
        )
        try assertErrors(
            base(poll(#","enforce_unique_vote":"yes""#)),
            ["Parse error: json: cannot unmarshal string into field poll.enforce_unique_vote of type bool"]
        )
        try assertErrors(base(poll(#","vote_count":3"#)), [#"Validation error: "vote_count" is a reserved field"#])
        try assertErrors(
            base(poll(#","created_at":"today""#)),
            ["Validation error: 'today' is not a valid created_at (expected an RFC 3339 time such as 1985-04-12T23:20:50.52Z)"]
        )
        try assertErrors(
            base(#"{"type":"poll","data":{"id":"\#(String(repeating: "p", count: 256))","name":"x"}}"#),
            ["Validation error: max pollID length exceeded (255)"]
        )
    }

    func testOptionsNeedAnIDUniqueInThePollAndAText() throws {
        try assertErrors(
            base(#"{"type":"poll","data":{"id":"p1","name":"x","options":[{"id":"a","text":"A"},{"id":"a","text":"B"}]}}"#),
            [#"Validation error: options[1]: option id "a" is used twice in the poll"#]
        )
        try assertErrors(
            base(#"{"type":"poll","data":{"id":"p1","name":"x","options":[{"text":"A"},{"id":"b"},"c"]}}"#),
            [
                #"Validation error: options[0]: "id" required"#, #"Validation error: options[1]: "text" required"#,
                "Validation error: options[2] must be an object",
            ]
        )
        try assertErrors(
            base(#"{"type":"poll","data":{"id":"p1","name":"x","options":{"id":"a"}}}"#),
            ["Parse error: json: cannot unmarshal object into field poll.options of type array"]
        )
        // Other keys of an option are its custom data; the same option id in two polls is fine.
        try assertValid(
            base(
                #"{"type":"poll","data":{"id":"p1","name":"x","options":[{"id":"a","text":"A","emoji":"🍵"}]}}"#,
                #"{"type":"poll","data":{"id":"p2","name":"y","options":[{"id":"a","text":"A"}]}}"#
            )
        )
    }

    func testVoteFields() throws {
        try assertErrors(
            base(poll(), #"{"type":"poll_vote","data":{"id":"v1","poll_id":"p1","user_id":"bob","created_at":"2020-01-01T11:00:00Z"}}"#),
            ["Validation error: a poll_vote requires option_id, or is_answer with answer_text"]
        )
        try assertErrors(
            base(poll(), #"{"type":"poll_vote","data":{"id":"v1","poll_id":"p1","option_id":"a","user_id":"bob"}}"#),
            [#"Validation error: "created_at" required"#]
        )
        try assertErrors(
            base(poll(#","allow_answers":true"#), vote("v1", option: nil, extra: #","is_answer":true"#)),
            ["Validation error: a poll_vote with is_answer requires answer_text"]
        )
        try assertErrors(
            base(poll(#","allow_answers":true"#), vote("v1", extra: #","is_answer":true,"answer_text":"Juice""#)),
            ["Validation error: a poll_vote is either an answer or a vote for option_id, not both"]
        )
        try assertErrors(
            base(poll(), vote("v1", extra: #","answer_text":"Juice""#)),
            ["Validation error: answer_text requires is_answer: true"]
        )
        try assertErrors(
            base(poll(), vote("v1", extra: #","weight":2"#)),
            [
                #"Validation error: "weight" is not a valid poll_vote field (allowed: id, poll_id, option_id, is_answer, answer_text, user_id, created_at, updated_at)"#
            ]
        )
        for field in ["id", "poll_id", "user_id"] {
            let line = vote("v1").replacingOccurrences(of: #""\#(field)":"#, with: #""other_\#(field)":"#)
            XCTAssertTrue(try errors(base(poll(), line)).contains(#"Validation error: "\#(field)" required"#), field)
        }
    }

    func testReferences() throws {
        try assertErrors(
            base(poll().replacingOccurrences(of: #""alice""#, with: #""ghost""#)),
            [
                #"Validation error: created_by_id user id "ghost" doesn't exist (poll "p1"). please include all users as separate user entries"#
            ]
        )
        try assertErrors(
            base(poll(), vote("v1", poll: "p9")),
            [#"Validation error: poll_id poll "p9" doesn't exist (poll_vote "v1"). please include all polls as separate poll entries"#]
        )
        try assertErrors(
            base(poll(), vote("v1", option: "z")),
            [#"Validation error: option_id "z" is not an option of poll "p1" (poll_vote "v1")"#]
        )
        try assertErrors(
            base(poll(), vote("v1", user: "ghost")),
            [
                #"Validation error: user_id user id "ghost" doesn't exist (poll_vote "v1"). please include all users as separate user entries"#
            ]
        )
        try assertErrors(
            base(pollMessage("p9"), poll()),
            [#"Validation error: poll_id poll "p9" doesn't exist (message "m2"). please include all polls as separate poll entries"#]
        )
        // A vote before its poll: the order rule says so, and the poll is not known yet.
        let early = base(poll())
        XCTAssertEqual(
            try errors(early + [vote("v1"), poll(id: "p2")]).first,
            #"Validation error: item type "poll" must come before "poll_vote" items (order: user, device, future_channel_ban, channel, member, message, reaction, poll, poll_vote)"#
        )
    }

    func testDuplicates() throws {
        try assertErrors(base(poll(), poll()), [#"Validation error: duplicated item "p1""#])
        try assertErrors(base(poll(), vote("v1"), vote("v1", user: "alice")), [#"Validation error: duplicated item "v1""#])
        try assertErrors(
            base(poll(), vote("v1"), vote("v2")),
            [#"Validation error: user "bob" votes for option "a" of poll "p1" twice (poll_vote "v2")"#]
        )
    }

    func testEnforceUniqueVote() throws {
        try assertErrors(
            base(poll(#","enforce_unique_vote":true"#), vote("v1"), vote("v2", option: "b")),
            [#"Validation error: poll "p1" has enforce_unique_vote: user "bob" votes for 2 options (poll_vote "v2")"#]
        )
        // One vote each for two users, and an answer beside the vote, are fine.
        try assertValid(
            base(
                poll(#","enforce_unique_vote":true,"allow_answers":true"#),
                vote("v1"),
                vote("v2", user: "alice", option: "b"),
                vote("v3", option: nil, extra: #","is_answer":true,"answer_text":"Juice""#)
            )
        )
    }

    func testMaxVotesAllowed() throws {
        try assertValid(base(poll(#","max_votes_allowed":2"#), vote("v1"), vote("v2", option: "b")))
        try assertErrors(
            base(poll(#","max_votes_allowed":2"#), vote("v1"), vote("v2", option: "b"), vote("v3", option: "c")),
            [#"Validation error: poll "p1" has max_votes_allowed 2: user "bob" votes for 3 options (poll_vote "v3")"#]
        )
        // Without a limit a user may vote for every option.
        try assertValid(base(poll(), vote("v1"), vote("v2", option: "b"), vote("v3", option: "c")))
    }

    func testAnswersOnlyWhenAllowedAndOncePerUser() throws {
        let answer = { (id: String) in self.vote(id, option: nil, extra: #","is_answer":true,"answer_text":"Juice""#) }
        try assertErrors(
            base(poll(), answer("v1")),
            [#"Validation error: poll "p1" does not allow answers (poll_vote "v1")"#]
        )
        try assertValid(base(poll(#","allow_answers":true"#), answer("v1")))
        try assertErrors(
            base(poll(#","allow_answers":true"#), answer("v1"), answer("v2")),
            [#"Validation error: user "bob" answers poll "p1" twice: one answer per user (poll_vote "v2")"#]
        )
    }

    /// A file's votes may be for a poll the store holds (an earlier import or the live server).
    func testAVoteMayBeForAPollThatAlreadyExists() throws {
        struct Existing: ExistingItems {
            func userTeams(_ id: String) -> [String]? { id == "bob" ? [] : nil }
            func channelTeam(cid: String) -> String? { nil }
            func message(_ id: String) -> (cid: String, isReply: Bool)? { nil }
            func poll(_ id: String) -> Poll? {
                id == "old" ? Poll(id: "old", name: "x", options: [PollOption(id: "a", text: "A")]) : nil
            }
        }
        let lines = [vote("v1", poll: "old"), vote("v2", option: "b", poll: "old")]
        XCTAssertEqual(
            try errors(lines, existing: Existing()),
            [#"Validation error: option_id "b" is not an option of poll "old" (poll_vote "v2")"#]
        )
    }

    /// A message's poll comes later in the file: the store is asked only about a poll the file
    /// never defines, once the file is read. Asking at each message made a PostgreSQL import
    /// wait for its rows in flight once per poll of the file.
    func testAMessagesPollIsAskedOfTheStoreOnlyWhenTheFileNeverDefinesIt() throws {
        final class Existing: ExistingItems {
            var askedPolls: [String] = []
            func userTeams(_ id: String) -> [String]? { nil }
            func channelTeam(cid: String) -> String? { nil }
            func message(_ id: String) -> (cid: String, isReply: Bool)? { nil }
            func poll(_ id: String) -> Poll? {
                askedPolls.append(id)
                return id == "old" ? Poll(id: "old", name: "x", options: [PollOption(id: "a", text: "A")]) : nil
            }
        }
        let existing = Existing()
        let stored = pollMessage("old").replacingOccurrences(of: #""m2""#, with: #""m3""#)
        let missing = pollMessage("p9").replacingOccurrences(of: #""m2""#, with: #""m4""#)
        XCTAssertEqual(
            try errors(base(pollMessage(), stored, missing, poll()), existing: existing),
            [#"Validation error: poll_id poll "p9" doesn't exist (message "m4"). please include all polls as separate poll entries"#]
        )
        XCTAssertEqual(existing.askedPolls, ["old", "p9"])
    }
}
