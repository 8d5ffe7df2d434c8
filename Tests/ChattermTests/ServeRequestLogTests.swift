import ChatTestSupport
import Foundation
import XCTest

/// `chatterm serve --log-requests`: a line on standard error for each answer, with Stream's
/// error code and words for a refusal, so an app's developer sees why the SDK failed.
final class ServeRequestLogTests: XCTestCase {
    let directory = TemporaryDirectory()
    private lazy var server = ServeProcess(db: directory.file("server.sqlite"), directory: directory)

    override func tearDown() { server.stop() }

    private func lines(_ server: ServeProcess, containing text: String) -> [String] {
        ((try? String(contentsOfFile: server.errorLog, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init).filter {
            $0.contains(text)
        }
    }

    func testEachAnswerIsLoggedWithItsStatusCallerAndStreamsError() throws {
        let url = try server.start(options: ["--log-requests"])
        XCTAssertEqual(try server.call("GET", "messages/no-such-message", "", as: "ana", url: url).status, 404)
        XCTAssertEqual(
            try server.call("POST", "channels", #"{"filter_conditions": {"members": {"$in": ["ana"]}}}"#, as: "ana", url: url).status,
            200
        )
        server.stop()

        let refused = lines(server, containing: "GET /messages/no-such-message")
        XCTAssertEqual(refused.count, 1, refused.description)
        XCTAssertTrue(
            refused.first?.contains(#"404 "#) == true
                && refused.first?.contains(
                    "user ana · code 16: GetMessage failed with error: \"Can't find message with id no-such-message\""
                ) == true,
            refused.description
        )
        let answered = lines(server, containing: "POST /channels 200")
        XCTAssertEqual(answered.count, 1, "once, the API key and token left out: \(answered)")
        XCTAssertTrue(answered.first?.hasSuffix(" ms user ana") == true, answered.description)
        XCTAssertFalse(answered.first?.contains("api_key") ?? true, "the query string (the API key) is not logged")
    }

    func testWithoutTheFlagOnlyFailuresOfTheServerItselfAreLogged() throws {
        let url = try server.start()
        XCTAssertEqual(try server.call("GET", "messages/no-such-message", "", as: "ana", url: url).status, 404)
        server.stop()
        XCTAssertEqual(lines(server, containing: "/messages/"), [])
    }
}
