import ChatCore
import ChatModel
import XCTest

/// A message's links: found in its text and attachments, listed by `o`, opened, or copied
/// (a link or the text) to the clipboard.
final class LinkListReducerTests: XCTestCase, LiveReducerScript {
    func testLinksAreFoundAtWordStartsWithoutTheirPunctuation() {
        let text =
            "see https://a.example/x, and (https://en.wikipedia.org/wiki/Swift_(language)) or mailto:bo@x.org. "
            + "javascript:alert(1) xhttps://no.example file:///etc/passwd HTTPS://UP.example/Path?q=1! http:// "
            + "<https://angle.example/a>"
        XCTAssertEqual(
            TextLinks.find(in: text).map(\.url),
            [
                "https://a.example/x", "https://en.wikipedia.org/wiki/Swift_(language)", "mailto:bo@x.org", "HTTPS://UP.example/Path?q=1",
                "https://angle.example/a",
            ]
        )
        let first = TextLinks.find(in: text)[0].range
        XCTAssertEqual(String(Array(text)[first]), "https://a.example/x", "ranges are character offsets")
        XCTAssertTrue(TextLinks.find(in: "no links here").isEmpty)
        XCTAssertEqual(TextLinks.find(in: "é https://ü.example/ä end").map(\.url), ["https://ü.example/ä"])
    }

    func testOnlyWebAndMailLinksWithoutControlsOpen() {
        XCTAssertTrue(TextLinks.isOpenable("https://a.example"))
        XCTAssertTrue(TextLinks.isOpenable("mailto:x@y.org"))
        for url in ["javascript:alert(1)", "file:///etc/passwd", "https://", "https://a.example/\u{1B}]0;x\u{7}", "https://a b", "ssh://h"]
        {
            XCTAssertFalse(TextLinks.isOpenable(url), url.debugDescription)
        }
    }

    private func linked() -> MessageRow {
        var row = message("m1", from: "bob", at: 20)
        row.message.text = "deck: https://deck.example/q3 and mail mailto:bob@x.org"
        row.message.attachments = [
            Attachment(fields: ["type": "image", "title": "chart.png", "image_url": "https://cdn.example/chart.png"]),
            // The same link as the text's, once; a script link, never.
            Attachment(fields: ["type": "link", "title_link": "https://deck.example/q3", "og_scrape_url": "javascript:alert(1)"]),
        ]
        return row
    }

    func testTheListHoldsTextLinksThenAttachmentsOnce() {
        let list = LinkList(row: linked())
        XCTAssertEqual(
            list.links,
            [
                MessageLink(url: "https://deck.example/q3", source: "text"), MessageLink(url: "mailto:bob@x.org", source: "text"),
                MessageLink(url: "https://cdn.example/chart.png", source: "image · chart.png"),
            ]
        )
        var deleted = linked()
        deleted.message.type = .deleted
        XCTAssertEqual(LinkList(row: deleted).links, [], "a deleted message keeps nothing")
    }

    func testOpeningCopyingAndClosingTheList() {
        var s = live()
        s = reduce(s, .messageUpserted(linked())).0
        s = selecting("m1", s)
        var effects: [ChatEffect]
        (s, effects) = reduce(s, .openSelectedLink)
        guard case .links(let list)? = s.modes.top else { return XCTFail("\(s.modes)") }
        XCTAssertEqual(list.links.count, 3)
        XCTAssertEqual(effects, [])
        (s, effects) = reduce(s, .listMove(-1))
        XCTAssertEqual(effects, [])
        XCTAssertEqual(reduce(s, .yankLink).1, [.copyToClipboard("https://cdn.example/chart.png")], "↑ from the first wraps to the last")
        XCTAssertEqual(reduce(s, .yankText).1, [.copyToClipboard("deck: https://deck.example/q3 and mail mailto:bob@x.org")])
        XCTAssertEqual(reduce(s, .composeInsert("x")).0.modes.top, s.modes.top, "the list takes every key")
        (s, effects) = reduce(s, .listMove(1), .listMove(1), .listConfirm)
        XCTAssertEqual(effects, [.openURL("mailto:bob@x.org")])
        XCTAssertEqual(s.modes.top, .select(pane: .messages, messageID: "m1"), "Enter opens and closes the list")
        XCTAssertEqual(reduce(s, .openSelectedLink, .dismiss).0.modes.top, s.modes.top, "Esc closes it")
    }

    func testAMessageWithoutLinksSaysSoAndYCopiesItsText() {
        let s = selecting("old", live())
        let (after, effects) = reduce(s, .openSelectedLink)
        XCTAssertEqual(after.status, "No link in this message (Y copies its text)")
        XCTAssertEqual(after.modes.top, s.modes.top)
        XCTAssertEqual(effects, [])
        XCTAssertEqual(reduce(s, .yankText).1, [.copyToClipboard("text of old")])
        var deleted = live()
        deleted.window?.rows[0].message.type = .deleted
        let refused = reduce(selecting("old", deleted), .yankText)
        XCTAssertEqual(refused.1, [])
        XCTAssertEqual(refused.0.status, "This message has no text to copy")
    }
}
