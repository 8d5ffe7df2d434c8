import ChatModel
import XCTest

final class NameFoldingTests: XCTestCase {
    func testCaseAccentsAndWidthsFoldOneCharacterForOne() {
        XCTAssertEqual(NameFolding.folded("Tomás Jiménez"), "tomas jimenez")
        XCTAssertEqual(NameFolding.folded("Inês ÉCOLE"), "ines ecole")
        XCTAssertEqual(NameFolding.folded("ＴＯＭ１"), "tom1", "full-width letters and digits")
        XCTAssertEqual(NameFolding.folded("Straße"), "straße", "ß would become two letters: lower-cased only")
        XCTAssertEqual(NameFolding.folded("Łódź Øre"), "łodz øre", "letters without a decomposition stay")
        for name in ["中国市场 🦜", "👩‍💻 Dev", "Northwind Raiders ⚔️", "İstanbul"] {
            XCTAssertEqual(NameFolding.characters(name).count, name.count, name)
        }
        XCTAssertEqual(NameFolding.folded("中国市场 🦜"), "中国市场 🦜")
    }
}
