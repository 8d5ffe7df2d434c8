import ChatCore
import XCTest

final class ComposerTests: XCTestCase {
    func testReadlineEditing() {
        var c = Composer("hello big world")
        c.apply(.wordLeft)
        c.apply(.deleteWordBack)
        XCTAssertEqual(c.string, "hello world")
        XCTAssertEqual(c.cursor, 6)
        c.apply(.killToEnd)
        XCTAssertEqual(c.string, "hello ")
        c.insert("there")
        c.apply(.home)
        c.apply(.deleteForward)
        XCTAssertEqual(c.string, "ello there")
        c.apply(.end)
        c.apply(.backspace)
        XCTAssertEqual(c.string, "ello ther")
        c.apply(.wordLeft)
        c.apply(.killToStart)
        XCTAssertEqual(c.string, "ther")
        XCTAssertEqual(c.cursor, 0)
        c.apply(.left)
        c.apply(.backspace)
        XCTAssertEqual(c.string, "ther", "nothing before the start")
    }

    func testHomeAndEndStayOnTheCursorsLine() {
        var c = Composer("one\ntwo")
        c.apply(.home)
        XCTAssertEqual(c.cursor, 4)
        c.apply(.left)
        c.apply(.home)
        XCTAssertEqual(c.cursor, 0)
        c.apply(.end)
        XCTAssertEqual(c.cursor, 3)
    }

    func testPastesKeepLinesAndLoseControls() {
        var c = Composer()
        c.insert("a\tb\u{1B}[31m\nc\u{7}")
        XCTAssertEqual(c.string, "a    b[31m\nc")
        c = Composer()
        c.insert("evil\u{202E}txt.exe\u{2066}x\u{2069} 👩‍👩‍👧")
        XCTAssertEqual(c.string, "eviltxt.exex 👩‍👩‍👧", "bidi controls go, emoji sequences stay")
    }

    /// The terminal hands over one scalar at a time: a skin tone, a flag's second half or a
    /// combining accent typed after its base must join it, so the cursor and Backspace move
    /// over the whole character and nothing typed later lands inside it.
    func testScalarsTypedOneByOneJoinTheCharacterBeforeThem() {
        var c = Composer()
        for scalar in "cafe\u{301} 👍🏽 🇫🇷 x".unicodeScalars { c.insert(String(scalar)) }
        XCTAssertEqual(c.text.count, 10, "café, 👍🏽 and 🇫🇷 are one character each")
        XCTAssertEqual(c.cursor, 10)
        for _ in 0..<5 { c.apply(.left) }
        c.insert("Z")
        XCTAssertEqual(c.string, "cafe\u{301} Z👍🏽 🇫🇷 x", "Z goes before the thumb, not between it and its tone")
        c.apply(.end)
        c.apply(.left)
        c.apply(.left)
        c.apply(.backspace)
        XCTAssertEqual(c.string, "cafe\u{301} Z👍🏽  x", "Backspace takes the whole flag")
        c.apply(.home)
        for _ in 0..<4 { c.apply(.right) }
        c.insert("!")
        XCTAssertEqual(c.string, "cafe\u{301}! Z👍🏽  x")
    }

    /// A mark typed where it joins the character after the cursor leaves the cursor after
    /// the joined character, never inside it.
    func testAnInsertThatJoinsTheNextCharacterKeepsTheCursorOnABoundary() {
        var c = Composer("🏽 x")
        c.apply(.home)
        c.insert("👍")
        XCTAssertEqual(c.text, ["👍🏽", " ", "x"])
        XCTAssertEqual(c.cursor, 1)
    }

    func testHistoryBrowsesSentLinesAndGivesBackTheDraft() {
        var c = Composer("first")
        c.sent()
        c.insert("second")
        c.sent()
        c.insert("draft")
        c.apply(.historyBack)
        XCTAssertEqual(c.string, "second")
        c.apply(.historyBack)
        c.apply(.historyBack)
        XCTAssertEqual(c.string, "first", "stops at the oldest")
        c.apply(.historyForward)
        c.apply(.historyForward)
        XCTAssertEqual(c.string, "draft")
        XCTAssertEqual(c.history, ["first", "second"])
    }

    func testCompletionQueryOnlyAfterASigilThatStartsAWord() {
        var c = Composer("hi @bo")
        XCTAssertEqual(c.completionQuery?.query, "bo")
        XCTAssertEqual(c.completionQuery?.start, 3)
        c = Composer("mail a@b")
        XCTAssertNil(c.completionQuery)
        c = Composer("@")
        XCTAssertEqual(c.completionQuery?.query, "")
        c.replaceWord(from: 0, with: "@bob")
        XCTAssertEqual(c.string, "@bob ")
        XCTAssertEqual(Composer("see #gen").completionQuery?.sigil, "#")
        XCTAssertEqual(Composer("/jo").completionQuery?.query, "jo")
        XCTAssertNil(Composer("and/or").completionQuery, "a slash inside a word")
        XCTAssertNil(Composer("x /jo").completionQuery, "a command only starts the line")
        XCTAssertEqual(Composer("nice :fi").completionQuery?.sigil, ":")
        XCTAssertNil(Composer("hi @bob ").completionQuery, "after the space: a new word")
    }
}
