import ChatModel
import ChatTestSupport
import XCTest

@testable import ChatStore

/// Polls in the store, on SQLite (or PostgreSQL with `CHATTERM_TEST_POSTGRES`): options keep
/// their order, votes follow Stream's rules, and deleting takes options and votes along.
final class PollStoreTests: XCTestCase {
    let directory = TemporaryDirectory()
    let t0 = Timestamp(rfc3339: "2026-01-01T10:00:00Z")!

    private func store(_ poll: (inout Poll) -> Void = { _ in }) throws -> ChatStore {
        let store = try TestStore.open(directory.file("polls-\(name.hashValue).sqlite"))
        var p = Poll(id: "p1", name: "Lunch?", options: [PollOption(id: "a", text: "Pizza"), PollOption(id: "b", text: "Soup")])
        p.createdByID = "alice"
        poll(&p)
        XCTAssertTrue(try store.create(poll: p))
        return store
    }

    private func time(_ seconds: Int) -> Timestamp { Timestamp(rfc3339: "2026-01-01T10:00:\(10 + seconds)Z")! }

    func testCreateReadsBackAndRefusesASecondWithTheSameID() throws {
        let store = try store { $0.maxVotesAllowed = 2 }
        let poll = try XCTUnwrap(try store.poll(id: "p1"))
        XCTAssertEqual(poll.options.map(\.text), ["Pizza", "Soup"])
        XCTAssertEqual(poll.maxVotesAllowed, 2)
        XCTAssertEqual(poll.createdByID, "alice")
        XCTAssertFalse(try store.create(poll: Poll(id: "p1", name: "again")))
        XCTAssertEqual(try store.poll(id: "p1")?.name, "Lunch?")
    }

    func testVotesCountPerOptionWithOwnVotesForTheReader() throws {
        let store = try store()
        _ = try store.cast(vote: PollVote(id: "v1", pollID: "p1", optionID: "a", userID: "alice"), at: time(1))
        _ = try store.cast(vote: PollVote(id: "v2", pollID: "p1", optionID: "a", userID: "bob"), at: time(2))
        _ = try store.cast(vote: PollVote(id: "v3", pollID: "p1", optionID: "b", userID: "bob"), at: time(3))
        let tally = try store.tally(pollID: "p1", viewer: "bob")
        XCTAssertEqual(tally.voteCount, 3)
        XCTAssertEqual(tally.countsByOption, ["a": 2, "b": 1])
        XCTAssertEqual(tally.latestByOption["a"]?.map(\.id), ["v2", "v1"])
        XCTAssertEqual(tally.ownVotes.map(\.id), ["v3", "v2"])
        XCTAssertEqual(try store.tally(pollID: "p1", viewer: "").ownVotes, [])
    }

    func testVotingForTheSameOptionAgainChangesNothing() throws {
        let store = try store()
        _ = try store.cast(vote: PollVote(id: "v1", pollID: "p1", optionID: "a", userID: "bob"), at: time(1))
        let again = try store.cast(vote: PollVote(id: "v2", pollID: "p1", optionID: "a", userID: "bob"), at: time(2))
        XCTAssertFalse(again.changed)
        XCTAssertEqual(again.vote.id, "v1")
        XCTAssertEqual(try store.votes(pollID: "p1").count, 1)
    }

    func testUniqueVoteReplacesTheEarlierOne() throws {
        let store = try store { $0.enforceUniqueVote = true }
        _ = try store.cast(vote: PollVote(id: "v1", pollID: "p1", optionID: "a", userID: "bob"), at: time(1))
        let second = try store.cast(vote: PollVote(id: "v2", pollID: "p1", optionID: "b", userID: "bob"), at: time(2))
        XCTAssertEqual(second.replaced.map(\.id), ["v1"])
        XCTAssertEqual(try store.votes(pollID: "p1").map(\.id), ["v2"])
        XCTAssertEqual(try store.tally(pollID: "p1", viewer: "bob").countsByOption, ["b": 1])
    }

    func testMaxVotesAllowedRefusesOneTooMany() throws {
        let store = try store {
            $0.maxVotesAllowed = 1
            $0.options.append(PollOption(id: "c", text: "Salad"))
        }
        _ = try store.cast(vote: PollVote(id: "v1", pollID: "p1", optionID: "a", userID: "bob"), at: time(1))
        XCTAssertThrowsError(try store.cast(vote: PollVote(id: "v2", pollID: "p1", optionID: "b", userID: "bob"), at: time(2))) {
            XCTAssertEqual(($0 as? PollRuleError)?.reason, "user bob has reached the maximum of 1 votes in poll p1")
        }
        XCTAssertEqual(try store.votes(pollID: "p1").map(\.id), ["v1"])
    }

    func testClosedPollUnknownOptionAndAnswersWhenOffAreRefused() throws {
        let store = try store { $0.isClosed = true }
        XCTAssertThrowsError(try store.cast(vote: PollVote(id: "v1", pollID: "p1", optionID: "a", userID: "bob"), at: time(1))) {
            XCTAssertEqual(($0 as? PollRuleError)?.reason, "poll p1 is closed for voting")
        }
        var open = try XCTUnwrap(try store.poll(id: "p1"))
        open.isClosed = false
        XCTAssertTrue(try store.replace(poll: open))
        XCTAssertThrowsError(try store.cast(vote: PollVote(id: "v1", pollID: "p1", optionID: "zz", userID: "bob"), at: time(1))) {
            XCTAssertEqual(($0 as? PollRuleError)?.reason, "option zz doesn't exist in poll p1")
        }
        XCTAssertThrowsError(try store.cast(vote: PollVote(id: "v1", pollID: "p1", answerText: "Tacos", userID: "bob"), at: time(1))) {
            XCTAssertEqual(($0 as? PollRuleError)?.reason, "poll p1 does not allow answers")
        }
        XCTAssertEqual(try store.votes(pollID: "p1"), [])
    }

    func testANewAnswerReplacesTheUsersOldOne() throws {
        let store = try store { $0.allowAnswers = true }
        _ = try store.cast(vote: PollVote(id: "v1", pollID: "p1", answerText: "Tacos", userID: "bob"), at: time(1))
        let second = try store.cast(vote: PollVote(id: "v2", pollID: "p1", answerText: "Ramen", userID: "bob"), at: time(2))
        XCTAssertEqual(second.replaced.map(\.answerText), ["Tacos"])
        let tally = try store.tally(pollID: "p1", viewer: "bob")
        XCTAssertEqual(tally.answersCount, 1)
        XCTAssertEqual(tally.voteCount, 0)
        XCTAssertEqual(tally.latestAnswers.map(\.answerText), ["Ramen"])
    }

    func testFullUpdateDropsVotesOfRemovedOptionsAndKeepsTheRest() throws {
        let store = try store()
        _ = try store.cast(vote: PollVote(id: "v1", pollID: "p1", optionID: "a", userID: "bob"), at: time(1))
        _ = try store.cast(vote: PollVote(id: "v2", pollID: "p1", optionID: "b", userID: "bob"), at: time(2))
        var poll = try XCTUnwrap(try store.poll(id: "p1"))
        poll.options = [PollOption(id: "b", text: "Soup!"), PollOption(id: "c", text: "Salad")]
        XCTAssertTrue(try store.replace(poll: poll))
        XCTAssertEqual(try store.poll(id: "p1")?.options.map(\.text), ["Soup!", "Salad"])
        XCTAssertEqual(try store.votes(pollID: "p1").map(\.id), ["v2"])
    }

    func testOptionsAddAtTheEndAndDeletingOneTakesItsVotes() throws {
        let store = try store()
        XCTAssertTrue(try store.add(option: PollOption(id: "c", text: "Salad"), toPoll: "p1", at: time(1)))
        XCTAssertFalse(try store.add(option: PollOption(id: "c", text: "Again"), toPoll: "p1", at: time(1)))
        XCTAssertTrue(try store.update(option: PollOption(id: "a", text: "Pizza!"), ofPoll: "p1", at: time(2)))
        XCTAssertFalse(try store.update(option: PollOption(id: "zz", text: "x"), ofPoll: "p1", at: time(2)))
        XCTAssertEqual(try store.poll(id: "p1")?.options.map(\.text), ["Pizza!", "Soup", "Salad"])
        _ = try store.cast(vote: PollVote(id: "v1", pollID: "p1", optionID: "a", userID: "bob"), at: time(3))
        XCTAssertTrue(try store.deleteOption(id: "a", ofPoll: "p1", at: time(4)))
        XCTAssertEqual(try store.poll(id: "p1")?.options.map(\.id), ["b", "c"])
        XCTAssertEqual(try store.votes(pollID: "p1"), [])
        XCTAssertEqual(try store.poll(id: "p1")?.updatedAt, time(4))
    }

    func testRemoveVoteAndDeletePollTakeTheirRows() throws {
        let store = try store()
        _ = try store.cast(vote: PollVote(id: "v1", pollID: "p1", optionID: "a", userID: "bob"), at: time(1))
        _ = try store.cast(vote: PollVote(id: "v2", pollID: "p1", optionID: "b", userID: "bob"), at: time(2))
        XCTAssertEqual(try store.removeVote(id: "v1", ofPoll: "p1")?.optionID, "a")
        XCTAssertNil(try store.removeVote(id: "v1", ofPoll: "p1"))
        XCTAssertEqual(try store.deletePoll(id: "p1"), [])
        XCTAssertNil(try store.deletePoll(id: "p1"))
        XCTAssertNil(try store.poll(id: "p1"))
        XCTAssertEqual(try store.inspect("SELECT COUNT(*) AS n FROM poll_options").first?["n"], 0)
        XCTAssertEqual(try store.inspect("SELECT COUNT(*) AS n FROM poll_votes").first?["n"], 0)
    }
}
