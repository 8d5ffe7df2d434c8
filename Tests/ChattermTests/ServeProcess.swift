import ChatModel
import ChatTestSupport
import Foundation
import XCTest

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

#if canImport(Glibc)
import Glibc
#endif

/// `chatterm serve` on a test's store, as a process of its own: started, stopped (killed, as
/// a crash would), started again on the same store.
final class ServeProcess {
    let db: String
    private let directory: TemporaryDirectory
    private var pid: pid_t = 0

    init(db: String, directory: TemporaryDirectory) {
        self.db = db
        self.directory = directory
    }

    deinit { stop() }

    /// What the last start wrote on standard error.
    private(set) var errorLog = ""

    /// Starts it on `port` (0: a free one), with `options` besides, and returns its base URL
    /// once it listens.
    func start(port: Int = 0, options: [String] = []) throws -> String {
        let log = directory.file("serve-\(UUID().uuidString).out")
        errorLog = log + ".err"
        pid = try PosixSpawn.start(
            [ChattermProcess.binary, "serve", "--db", db, "--port", String(port)] + options,
            fileActions: [.null(0), .writeFile(1, path: log), .writeFile(2, path: errorLog)]
        )
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            if let range = text.range(of: #"http://127\.0\.0\.1:\d+"#, options: .regularExpression) { return String(text[range]) }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw XCTSkip("chatterm serve did not start")
    }

    func stop() {
        guard pid > 0 else { return }
        kill(pid, SIGKILL)
        PosixSpawn.wait(pid)
        pid = 0
    }

    /// One REST call as `user` (a token from `chatterm token`), as Stream's SDKs make it: the
    /// HTTP status and the answer's JSON.
    @discardableResult
    func call(_ method: String, _ path: String, _ body: String, as user: String, url: String) throws -> (status: Int, json: JSONValue?) {
        let token = try ChattermProcess.run(["token", user, "--db", db]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        var request = URLRequest(url: URL(string: "\(url)/\(path)?api_key=\(try credentials().key)")!)
        request.httpMethod = method
        request.setValue(token, forHTTPHeaderField: "Authorization")
        request.setValue("jwt", forHTTPHeaderField: "stream-auth-type")
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(body.utf8)
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var answer: (Int, JSONValue?) = (0, nil)
        URLSession.shared.dataTask(with: request) { data, response, _ in
            answer = (
                (response as? HTTPURLResponse)?.statusCode ?? 0, data.flatMap { try? JSONParser.parse(String(decoding: $0, as: UTF8.self)) }
            )
            done.signal()
        }.resume()
        done.wait()
        return answer
    }

    /// The local app's API key and secret (`chatterm serve` writes them beside the store).
    func credentials() throws -> (key: String, secret: String) {
        let app = try JSONParser.parse(String(contentsOfFile: db + ".app.json", encoding: .utf8)).objectValue
        return (app?["api_key"]?.stringValue ?? "", app?["api_secret"]?.stringValue ?? "")
    }
}
