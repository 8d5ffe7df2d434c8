import ChatCore
import ChatModel
import ChatServer
import ChatStore
import ChatTestSupport
import Foundation

@testable import ChatClient

/// The real server in this process on a loopback port, over a fresh store in a temporary
/// directory. Tests drive it from synchronous code, as the terminal client's UI thread does.
final class LocalServer {
    let directory = TemporaryDirectory()
    let store: ChatStore
    let credentials: ServerCredentials
    private(set) var port = 0
    private var task: Task<Void, any Error>?

    init() throws {
        store = try TestStore.open(directory.path + "/chat.sqlite")
        credentials = try ServerCredentials.loadOrCreate(forStore: store.path)
    }

    var admin: StreamREST {
        StreamREST(
            endpoint: StreamEndpoint(
                baseURL: "http://127.0.0.1:\(port)",
                apiKey: credentials.apiKey,
                token: StreamToken.sign(["server": true], secret: credentials.apiSecret)
            )
        )
    }

    func endpoint(for user: String) -> StreamEndpoint {
        admin.endpoint.with(token: StreamToken.userToken(user, secret: credentials.apiSecret))
    }

    func backend(for user: String) -> StreamBackend { StreamBackend(endpoint: endpoint(for: user), userID: user) }

    /// A server already listening, with `users` made (as the app).
    static func started(users: [String]) throws -> LocalServer {
        let server = try LocalServer()
        try server.start()
        try server.call(
            "POST",
            "users",
            ["users": .object(JSONObject(users.map { JSONObject.Member(key: $0, value: ["id": .string($0)]) }))]
        )
        return server
    }

    /// Serves on `port` (0: any free one) and returns once listening.
    func start(port wanted: Int = 0) throws {
        let bound = Locked<Int?>(nil)
        task = Task { [store, credentials] in
            try await ChatServerApp.serve(store: store, credentials: credentials, host: "127.0.0.1", port: wanted) { port in
                bound.withLock { $0 = port }
            }
        }
        port = try poll("the server to listen", timeout: 10) { bound.withLock { $0 } }
    }

    /// Stops serving (cancels the server's task, as a test of a dropped server wants) and waits until it has.
    func stop() throws {
        guard let task else { return }
        task.cancel()
        _ = try runBlocking { await task.result }
        self.task = nil
    }

    /// A REST call as the app (server token), waited for.
    @discardableResult
    func call(_ method: String, _ path: String, _ body: JSONObject? = [:], query: [String: String] = [:]) throws -> JSONObject {
        let admin = self.admin
        return try runBlocking { try await admin.send(method, path, query: query, body: body) }
    }

    /// A REST call as `user` (a user token), waited for.
    @discardableResult
    func call(as user: String, _ method: String, _ path: String, _ body: JSONObject? = [:]) throws -> JSONObject {
        let rest = StreamREST(endpoint: endpoint(for: user))
        return try runBlocking { try await rest.send(method, path, body: body) }
    }

    deinit { task?.cancel() }
}

struct Timeout: Error, CustomStringConvertible {
    let description: String
}

/// Waits (up to `timeout` seconds) until `value` gives something.
func poll<T>(_ what: String, timeout: Double = 10, _ value: () throws -> T?) throws -> T {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
        if let found = try value() { return found }
        guard Date() < deadline else { throw Timeout(description: "timed out waiting for \(what)") }
        Thread.sleep(forTimeInterval: 0.02)
    }
}
