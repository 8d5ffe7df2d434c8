import ChatCore
import XCTest

/// The `a` picker finds a reaction by its type or by its emoji's other names, in its own order.
final class ReactionPickerTests: XCTestCase {
    private func matches(_ query: String) -> [String] {
        var picker = ReactionPicker(messageID: "m1")
        picker.query = query
        return picker.matches
    }

    func testNothingTypedOffersEveryReaction() {
        XCTAssertEqual(matches(""), ReactionPicker.types)
    }

    /// Someone after 👍 types its usual name: `like` comes first, not only the `thumbsdown`
    /// whose type starts so (reacting 👎 for 👍 is the mistake this guards against).
    func testTheEmojisOtherNamesFindItsType() {
        XCTAssertEqual(matches("thu"), ["like", "thumbsdown"])
        XCTAssertEqual(matches("thumbsup"), ["like"])
        XCTAssertEqual(matches("+1"), ["like"])
        XCTAssertEqual(matches("HEART"), ["love"])
        XCTAssertEqual(matches("party"), ["tada"])
    }

    func testATypesOwnNameStillMatchesAnywhereInIt() {
        XCTAssertEqual(matches("ock"), ["rocket"])
        XCTAssertEqual(matches("fire"), ["fire"])
        XCTAssertEqual(matches("zzz"), [])
    }
}
