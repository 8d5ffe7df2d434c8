import ChatCore
import ChatModel
import Foundation
import XCTest

@testable import ChatClient

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `/upload` through `StreamBackend` against the real server: an image and a file become the
/// attachments Stream's clients make, served back by URL; the server's refusals are the errors.
final class StreamBackendUploadTests: XCTestCase {
    private var server: LocalServer!
    private let directory = FileManager.default.temporaryDirectory.appendingPathComponent("upload-\(UUID().uuidString)").path

    override func setUpWithError() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        server = try LocalServer()
        try server.start()
        try server.call("POST", "users", ["users": ["alice": ["id": "alice"]]])
        try server.call("POST", "channels/messaging/general/query", ["data": ["created_by_id": "alice", "members": ["alice"]]])
    }

    override func tearDownWithError() throws {
        try server.stop()
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// A 1x1 PNG.
    private let png = Data(
        base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
    )!

    private func write(_ name: String, _ data: Data) -> String {
        let path = directory + "/" + name
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: data))
        return path
    }

    private func upload(_ path: String, text: String?) throws -> ChatEvent {
        let alice = server.backend(for: "alice")
        let log = EventLog()
        alice.connect(userID: "alice", deliver: log.deliver)
        defer { alice.disconnect() }
        let up = try log.wait(for: .connected)
        _ = try log.wait(for: "the channels", from: up) { if case .channelsLoaded(let list) = $0 { list } else { nil } }
        let mark = log.count
        alice.perform(.upload(cid: "messaging:general", path: path, text: text, parentID: nil))
        return try log.wait(for: "the upload's outcome", from: mark) { event -> ChatEvent? in
            switch event {
            case .messageUpserted, .failed: event
            default: nil
            }
        }
    }

    func testAnImageAndAFileBecomeAttachmentsServedBack() async throws {
        guard case .messageUpserted(let image) = try upload(write("dot.png", png), text: "a dot") else { return XCTFail("not sent") }
        XCTAssertEqual(image.message.text, "a dot")
        let picture = try XCTUnwrap(image.message.attachments.first)
        XCTAssertEqual(picture.fields["type"]?.stringValue, "image")
        let url = try XCTUnwrap(URL(string: try XCTUnwrap(picture.imageURL)))
        let (served, _) = try await URLSession.shared.data(from: url)
        XCTAssertEqual(served, png, "the server serves the same bytes")

        let notes = Data("minutes of the meeting\n".utf8)
        guard case .messageUpserted(let file) = try upload(write("notes.txt", notes), text: nil) else { return XCTFail("not sent") }
        let attachment = try XCTUnwrap(file.message.attachments.first)
        XCTAssertEqual(attachment.fields["type"]?.stringValue, "file")
        XCTAssertEqual(attachment.fields["title"]?.stringValue, "notes.txt")
        let (servedNotes, _) = try await URLSession.shared.data(from: try XCTUnwrap(URL(string: try XCTUnwrap(attachment.assetURL))))
        XCTAssertEqual(servedNotes, notes)
    }

    func testAMissingFileAndAFakeImageAreErrors() throws {
        guard case .failed(let missing) = try upload(directory + "/nope.png", text: nil) else { return XCTFail("sent") }
        XCTAssertEqual(missing, "Could not upload \(directory)/nope.png: no such file, or it cannot be read")
        // Text named .png: the server's type check refuses it, in its words.
        guard case .failed(let fake) = try upload(write("fake.png", Data("not a picture".utf8)), text: nil) else { return XCTFail("sent") }
        XCTAssertTrue(fake.hasPrefix("Could not upload fake.png: "), fake)
        XCTAssertTrue(fake.contains("not an image"), fake)
    }
}
