import ChatCore
import ChatModel
import TerminalUI
import XCTest

/// A system message's line: its text, or, with none, what the migrated notice was (Slack's
/// subtype, Mattermost's post type) and by whom, never a bare "— —".
final class SystemLineViewTests: XCTestCase {
    private let context = ChatFixture.context()

    private func frame(_ custom: JSONObject) -> Frame {
        var state = ChatFixture.state()
        var m = ChatFixture.message("s1", "priya", "", at: "2020-03-03T11:00:00Z", type: .system)
        m.custom = custom
        state.window?.rows.append(ChatFixture.row(m))
        return ChatView.render(state, width: 120, height: 40, context: context)
    }

    func testASystemMessageWithoutTextSaysWhatItWas() throws {
        let slack = try XCTUnwrap(frame(["slack_subtype": "channel_join"]).find("11:00 — Priya Patel joined the channel —"))
        XCTAssertEqual(frame(["slack_subtype": "channel_join"])[slack.x + 6, slack.y].style, context.style("message.system"))
        XCTAssertNotNil(frame(["mm_post_type": "system_header_change"]).find("— Priya Patel changed the header —"))
        XCTAssertNotNil(frame([:]).find("— system message from Priya Patel —"), "a notice of no known kind")
        XCTAssertNil(frame([:]).find("— —"))
    }

    func testASystemMessagesOwnTextWins() {
        XCTAssertNotNil(
            ChatView.render(ChatFixture.state(), width: 120, height: 40, context: context).find("— Priya Patel joined the channel —")
        )
    }
}
