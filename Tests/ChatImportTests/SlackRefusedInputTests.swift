import ChatImport
import ChatModel
import ChatTestSupport
import Foundation
import XCTest

/// What the Slack reader refuses, and how: not an export, a broken day file, archives that
/// climb out of the export or expand without end, links out of a folder. Each is a clear
/// error that names the file, and nothing is written.
final class SlackRefusedInputTests: ConversionTestCase {
    func testAFolderThatIsNotAnExportIsRefused() {
        let folder = directory.file("photos")
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        directory.write("photos/cat.json", text: "[]")
        assertRefused("not a Slack export") { _ = try SlackExport(path: folder) }
        assertRefused("no such file") { _ = try SlackExport(path: directory.file("missing.zip")) }
        let text = directory.write("notes.zip", text: "just some text, not an archive")
        assertRefused("not a ZIP archive") { _ = try SlackExport(path: text) }
    }

    func testABrokenDayFileNamesTheFileAndWritesNothing() throws {
        let copy = ExportFixtures.copySlackFolder(into: directory)
        try #"[{"type":"message","user":"U01ALICE","ts":"1709660000.000100","text":"x"},"#.write(
            toFile: copy + "/secret-plans/2024-03-05.json",
            atomically: true,
            encoding: .utf8
        )
        let output = directory.file("out.jsonl")
        let export = try SlackExport(path: copy)
        assertRefused("secret-plans/2024-03-05.json: malformed JSON", output: output) { try write(export, to: output) }
    }

    func testADayFileThatIsNotAnArrayOfMessagesIsRefused() throws {
        let copy = ExportFixtures.copySlackFolder(into: directory)
        try #"{"messages":[]}"#.write(toFile: copy + "/general/2024-03-06.json", atomically: true, encoding: .utf8)
        assertRefused("general/2024-03-06.json: expected a JSON array, found object") {
            try write(try SlackExport(path: copy), to: directory.file("o.jsonl"))
        }
        try #"[1, 2]"#.write(toFile: copy + "/general/2024-03-06.json", atomically: true, encoding: .utf8)
        assertRefused("element 0 is number, not an object") { try write(try SlackExport(path: copy), to: directory.file("o.jsonl")) }
    }

    func testZipEntriesThatClimbOutOrAreAbsoluteAreRefused() {
        assertRefused("entry \"../escape.json\" climbs out of the export") { _ = try SlackExport(path: ExportFixtures.hostile("dot-dot")) }
        assertRefused("entry \"/etc/passwd.json\" has an absolute path") { _ = try SlackExport(path: ExportFixtures.hostile("absolute")) }
        XCTAssertFalse(FileManager.default.fileExists(atPath: ExportFixtures.root + "/escape.json"))
    }

    func testAZipBombStopsWithAClearError() throws {
        // 64 MiB stated and real, in a 70 KB archive: past 20 times the archive before a byte is inflated.
        let output = directory.file("bomb.jsonl")
        let bomb = try SlackExport(path: ExportFixtures.hostile("bomb"))
        assertRefused("expands past", output: output) { try write(bomb, to: output) }
        // 4 MiB real behind a stated 1,000 bytes: stops within one 64 KiB step of the lie.
        let lying = try SlackExport(path: ExportFixtures.hostile("lying-size"))
        assertRefused("general/2024-03-07.json: expands past its stated size of 1000 bytes", output: output) {
            try write(lying, to: output)
        }
    }

    func testTheArchiveLimitsHold() throws {
        let archive = try ZipArchive(path: ExportFixtures.slackZip, totalLimit: 1000)
        let users = try XCTUnwrap(archive.entries.first { $0.name == "users.json" })
        XCTAssertGreaterThan(users.size, 1000)
        XCTAssertThrowsError(try archive.read(users)) { XCTAssertTrue("\($0)".contains("expands past 1000 bytes"), "\($0)") }
        let small = try ZipArchive(path: ExportFixtures.slackZip, entryLimit: 100)
        XCTAssertThrowsError(try small.read(users)) { XCTAssertTrue("\($0)".contains("over the 100-byte limit for one file"), "\($0)") }
        XCTAssertEqual(ZipArchive.defaultTotalLimit(archiveSize: 1 << 30), 20 << 30)
        XCTAssertEqual(ZipArchive.defaultTotalLimit(archiveSize: 10_000_000_000), 50_000_000_000)
    }

    func testASymlinkOutOfAFolderExportIsRefusedAndOneInsideIsRead() throws {
        let copy = ExportFixtures.copySlackFolder(into: directory)
        let outside = directory.write(
            "outside.json",
            text: #"[{"type":"message","user":"U01ALICE","ts":"1709660000.000100","text":"secret"}]"#
        )
        try FileManager.default.createSymbolicLink(atPath: copy + "/general/2024-03-09.json", withDestinationPath: outside)
        assertRefused("outside the export") { _ = try SlackExport(path: copy) }

        try FileManager.default.removeItem(atPath: copy + "/general/2024-03-09.json")
        try FileManager.default.createSymbolicLink(
            atPath: copy + "/general/2024-03-09.json",
            withDestinationPath: copy + "/secret-plans/2024-03-05.json"
        )
        let out = try convert(try SlackExport(path: copy))
        XCTAssertNotNil(out.message("C01GENERAL-1709660000.000100"), "a link inside the export is an ordinary file")
    }
}
