import BuiltInData
import Foundation
import XCTest

/// The copies compiled into chatterm are the repository's files, byte for byte: a change to a
/// theme or to the demo data that was not followed by `python3 Sources/BuiltInData/generate.py`
/// fails here.
final class BuiltInDataTests: XCTestCase {
    private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    private let hint = "run python3 Sources/BuiltInData/generate.py"

    private func files(in folder: String, suffix: String) throws -> [String: String] {
        let directory = root.appendingPathComponent(folder)
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name.hasSuffix(suffix) {
            files[name] = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        }
        return files
    }

    func testTheBuiltInThemesAreThoseInThemes() throws {
        let themes = try files(in: "Themes", suffix: ".theme")
        XCTAssertEqual(Set(BuiltInThemes.files.keys), Set(themes.keys.map { String($0.dropLast(".theme".count)) }), hint)
        for (name, text) in BuiltInThemes.files {
            XCTAssertEqual(text, themes[name + ".theme"], "\(name): \(hint)")
        }
    }

    func testTheDemoImportFileIsDemoData() throws {
        let file = try String(contentsOf: root.appendingPathComponent("demo-data/demo.jsonl"), encoding: .utf8)
        XCTAssertEqual(DemoImportFile.text.count, file.count, hint)
        XCTAssertTrue(DemoImportFile.text == file, hint)
    }

    func testTheDemoChatkitExportIsDemoData() throws {
        let export = try files(in: "demo-data/chatkit-export", suffix: "")
        XCTAssertEqual(Set(DemoChatkitExport.files.keys), Set(export.keys), hint)
        for (name, text) in DemoChatkitExport.files {
            XCTAssertTrue(text == export[name], "\(name): \(hint)")
        }
    }

    func testTheDemoSlackExportIsDemoData() throws {
        let folder = root.appendingPathComponent("demo-data/slack-export")
        let names = try XCTUnwrap(FileManager.default.subpaths(atPath: folder.path)).filter { $0.hasSuffix(".json") }
        XCTAssertEqual(Set(DemoSlackExport.files.keys), Set(names), hint)
        for name in names {
            XCTAssertTrue(
                DemoSlackExport.files[name] == (try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)),
                "\(name): \(hint)"
            )
        }
    }
}
