import ChatModel
import XCTest

/// `:name:` shortcodes made emoji: what changes, and the text that must keep its colons.
final class ShortcodesTests: XCTestCase {
    func testKnownNamesBecomeTheirEmojiAndOtherNamesStay() {
        XCTAssertEqual(Shortcodes.emojified("ship it :tada: :rocket:!"), "ship it 🎉 🚀!")
        XCTAssertEqual(Shortcodes.emojified(":white_check_mark: done, :party_parrot: not"), "✅ done, :party_parrot: not")
        XCTAssertEqual(Shortcodes.emojified(":+1: :like: :-1:"), "👍 👍 👎", "aliases and Stream's reaction types")
        XCTAssertEqual(Shortcodes.emojified(":tada::tada:"), "🎉🎉")
        XCTAssertEqual(Shortcodes.emojified(":TADA: :tada"), ":TADA: :tada", "names are lowercase and closed")
    }

    func testAnEmojiDrawnAsTextUnlessAskedGetsItsVariationSelector() {
        XCTAssertEqual(Shortcodes.emojified(":heart:").unicodeScalars.map(\.value), [0x2764, 0xFE0F])
        XCTAssertEqual(Shortcodes.emojified(":heart_on_fire:").unicodeScalars.map(\.value), [0x2764, 0xFE0F, 0x200D, 0x1F525])
        XCTAssertEqual(Shortcodes.emojified(":fire:").unicodeScalars.map(\.value), [0x1F525])
    }

    func testColonsTouchingALetterOrDigitAreNotAShortcodes() {
        for text in ["at 10:100:30", "a:tada:", ":tada:s", "x:fire:y", "ratio 1:100:"] {
            XCTAssertEqual(Shortcodes.emojified(text), text)
        }
        XCTAssertEqual(Shortcodes.emojified("(:fire:) \":100:\""), "(🔥) \"💯\"", "punctuation around a shortcode is fine")
    }

    func testCodeAndURLsKeepTheirText() {
        XCTAssertEqual(Shortcodes.emojified("`x :tada: y` :tada:"), "`x :tada: y` 🎉")
        XCTAssertEqual(Shortcodes.emojified("```\nlet a = :fire:\n``` :fire:"), "```\nlet a = :fire:\n``` 🔥")
        XCTAssertEqual(Shortcodes.emojified("``a ` :fire: b`` :fire:"), "``a ` :fire: b`` 🔥", "only as many backticks close")
        XCTAssertEqual(Shortcodes.emojified("` :fire:"), "` 🔥", "a backtick nothing closes is text")
        XCTAssertEqual(Shortcodes.emojified("see https://x.dev/:tada:/a :tada:"), "see https://x.dev/:tada:/a 🎉")
    }

    func testSkinTonesFollowTheEmojiThatTakesThem() {
        XCTAssertEqual(Shortcodes.emojified(":thumbsup::skin-tone-4:"), "👍🏽")
        XCTAssertEqual(Shortcodes.emojified(":woman_technologist::skin-tone-3:"), "👩🏼‍💻")
        XCTAssertEqual(Shortcodes.emojified(":v::skin-tone-2:").unicodeScalars.map(\.value), [0x270C, 0x1F3FB], "no VS16 with a tone")
        XCTAssertEqual(Shortcodes.emojified(":fire::skin-tone-2:"), "🔥🏻", "a tone for an emoji that takes none stands beside it")
        XCTAssertEqual(Shortcodes.emojified(":skin-tone-6:"), "🏿")
        XCTAssertEqual(Shortcodes.emojified(":thumbsup::skin-tone-7:"), "👍:skin-tone-7:")
    }

    func testReactionTypesByName() {
        XCTAssertEqual(Shortcodes.emoji(named: "tada"), "🎉")
        XCTAssertEqual(Shortcodes.emoji(named: "+1::skin-tone-3"), "👍🏼", "Slack's reaction with a tone")
        XCTAssertNil(Shortcodes.emoji(named: "party_parrot"))
        XCTAssertNil(Shortcodes.emoji(named: "tada:x"))
        XCTAssertNil(Shortcodes.emoji(named: ""))
    }

    func testEveryNameInTheTableIsReadBack() {
        for (name, emoji) in EmojiNames.table {
            XCTAssertEqual(Shortcodes.emojified(":\(name):"), emoji, name)
        }
        XCTAssertEqual(Shortcodes.emojified("no colons at all"), "no colons at all")
    }
}
