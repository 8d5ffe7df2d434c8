import ChatCore
import ChatModel
import XCTest

/// Tab completes `#channel`, `/command` and `:emoji` (a reaction type after `/react`) as it completes `@member`.
final class CompletionReducerTests: XCTestCase, LiveReducerScript {
    func testTabCompletesChannelsCommandsAndReactions() {
        var s = reduce(live(), .composeInsert("see #r"), .complete).0
        XCTAssertEqual(s.composer.string, "see #random ")
        XCTAssertEqual(s.modes.top, .completion(Completion(start: 4, query: "r", candidates: ["#random"], index: 0)))
        s = reduce(live(), .composeInsert("/re"), .complete).0
        XCTAssertEqual(s.composer.string, "/reply ")
        s = reduce(s, .complete).0
        XCTAssertEqual(s.composer.string, "/react ", "Tab again: the next command")
        s = reduce(s, .complete, .complete, .complete).0
        XCTAssertEqual(s.composer.string, "/reply ", "round again after /reconnect and /report")
        s = reduce(s, .composeInsert(":fi"), .complete).0
        XCTAssertEqual(s.composer.string, "/reply 🔥 ", "in text, the emoji itself")
        XCTAssertNil(reduce(s, .composeSend).0.modes.top, "Enter ends completion and sends")
        s = reduce(live(), .composeInsert("/react :th"), .complete).0
        XCTAssertEqual(s.composer.string, "/react :like: ", "after /react, the reaction type's name; 👍's names start so too")
        XCTAssertEqual(reduce(s, .complete).0.composer.string, "/react :thumbsdown: ")
        s = reduce(live(), .composeInsert("so :la"), .complete).0
        XCTAssertEqual(s.composer.string, "so 😂 ", "laugh before laughing: 😂 is used more than 😆")
        s = reduce(live(), .composeInsert("so :h"), .complete).0
        XCTAssertEqual(s.composer.string, "so ❤️ ", "heart, haha…: the most used emoji first")
        XCTAssertEqual(reduce(s, .complete).0.composer.string, "so 😂 ")
        s = reduce(live(), .composeInsert("so :white_c"), .complete).0
        XCTAssertEqual(s.composer.string, "so ✅ ", "every name the client knows, not only reactions'")
    }

    /// Esc while completing ends the completion, and only that: it went on to the composer
    /// beneath, closed the thread being replied in, and the reply went to the channel.
    func testEscEndsTheCompletionAndLeavesTheThreadOpen() {
        var s = live()
        s.thread = ThreadPane(root: message("root", from: "bob", at: 5), replies: [], hasFocus: true)
        s = reduce(s, .composeInsert("@be"), .complete).0
        XCTAssertEqual(s.composer.string, "@bea ")
        s = reduce(s, .dismiss).0
        XCTAssertNil(s.modes.top)
        XCTAssertEqual(s.thread?.root.id, "root", "the thread stays open")
        XCTAssertEqual(s.modes.focus, .thread)
        XCTAssertEqual(s.composer.string, "@bea ", "the word stays")
        XCTAssertNil(reduce(s, .dismiss).0.thread, "Esc again closes the thread")
    }

    /// Names are typed without their accents: "@ines" is Inês, "#chi" the channel named "Chiffres",
    /// "#ｒａ" (full width) #random.
    func testAccentsAndWidthsAreFoldedInNames() {
        var s = live()
        s.members.append(
            MemberRow(
                member: Member(channelType: "messaging", channelID: "general", userID: "u7"),
                user: User(id: "u7", custom: ["name": "Inês Duarte"])
            )
        )
        s = reduce(s, .composeInsert("hi @ines"), .complete).0
        XCTAssertEqual(s.composer.string, "hi @u7 ")
        s = reduce(live(), .composeInsert("#ｒａ"), .complete).0
        XCTAssertEqual(s.composer.string, "#random ")
    }

    func testNothingToCompleteSaysWhat() {
        XCTAssertEqual(reduce(live(), .composeInsert("#nowhere"), .complete).0.status, "No channel matches #nowhere")
        XCTAssertEqual(reduce(live(), .composeInsert("/zz"), .complete).0.status, "No command matches /zz")
        XCTAssertEqual(reduce(live(), .composeInsert(":qqq"), .complete).0.status, "No emoji matches :qqq")
        XCTAssertEqual(reduce(live(), .composeInsert("/react :zz"), .complete).0.status, "No reaction matches :zz")
        let s = reduce(live(), .composeInsert("a /re"), .complete).0
        XCTAssertEqual(s.composer.string, "a /re", "a command only starts the line")
        XCTAssertNil(s.modes.top)
    }

    /// `/msg @` may name anyone: Tab looks the users up (the open channel's members were all it
    /// offered, so a new direct message needed the whole id typed), then offers them.
    func testMsgCompletesAnyUserLookedUpByTheBackend() {
        var (s, effects) = reduce(live(), .composeInsert("/msg @gr"), .complete)
        XCTAssertEqual(effects, [.lookUpUsers(prefix: "gr")])
        XCTAssertEqual(s.composer.string, "/msg @gr", "nothing put before the answer")
        let found = [User(id: "grace"), User(id: "alice"), User(id: "greg")]
        s = reduce(s, .usersFound(prefix: "gr", users: found)).0
        XCTAssertEqual(s.composer.string, "/msg @grace ")
        XCTAssertEqual(
            s.modes.top,
            .completion(Completion(start: 5, query: "gr", candidates: ["@grace", "@greg"], index: 0)),
            "not the reader"
        )
        XCTAssertEqual(reduce(s, .complete).0.composer.string, "/msg @greg ")

        s = reduce(live(), .composeInsert("/block @zz"), .complete).0
        XCTAssertEqual(reduce(s, .usersFound(prefix: "zz", users: [])).0.status, "No user matches @zz")
        // The reader typed on before the answer: it is dropped, the composer left as typed.
        s = reduce(live(), .composeInsert("/msg @gr"), .complete, .composeInsert("a")).0
        s = reduce(s, .usersFound(prefix: "gr", users: found)).0
        XCTAssertEqual(s.composer.string, "/msg @gra")
        XCTAssertNil(s.modes.top)
        // A server's answer matches any word of a name: who starts so comes first.
        s = reduce(live(), .composeInsert("/msg @li"), .complete).0
        let words = [User(id: "jonas", custom: ["name": "Jonas Lindqvist"]), User(id: "li_wei", custom: ["name": "Li Wei"])]
        XCTAssertEqual(reduce(s, .usersFound(prefix: "li", users: words)).0.composer.string, "/msg @li_wei ")
        // Elsewhere `@` still completes the open channel's members, at once.
        let typed = reduce(live(), .composeInsert("hi @be")).0
        let (member, asked) = reduce(typed, .complete)
        XCTAssertEqual(asked, [])
        XCTAssertEqual(member.composer.string, "hi @bea ")
    }
}
