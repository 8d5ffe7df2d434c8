import ArgumentParser
import ChatClient
import ChatModel
import ChatServer
import ChatStore
import Foundation

/// One reader querying a channel with its newest 50 messages, through Stream's own Python SDK on
/// loopback, as an app opening a channel does. The server is a `chatterm serve` process, so the
/// figure is the round trip an SDK user sees. The same request through a bare `requests` session
/// runs beside it: the part of the time that is Python's HTTP client, not the server.
struct QueryBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Time a channel query with 50 messages through the stream-chat Python SDK (p50, p99), and the same request bare."
    )

    @Option(help: "Messages in the channel (the query reads the newest 50).")
    var messages = 200

    @Option(help: "Queries timed, after 50 warm-up queries.")
    var queries = 1000

    @Option(help: "The Python with stream-chat installed (Tests/setup/prepare.sh makes .build/test-venv).")
    var python = ".build/test-venv/bin/python"

    @Option(
        help: ArgumentHelp("A PostgreSQL server: the store is a fresh database there.", valueName: "postgres://user@host:port/db")
    )
    var database: String?

    func validate() throws {
        guard messages >= 50, queries > 0 else { throw ValidationError("--messages must be at least 50 and --queries positive") }
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw ValidationError("no Python at \(python): run Tests/setup/prepare.sh, or pass --python")
        }
    }

    func run() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chatterm-query-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let store: ChatStore
        let storeArguments: [String]
        if let database {
            let url = try PostgresBackend.ensureDatabase("bench_\(UUID().uuidString.prefix(8).lowercased())", onServerOf: database)
            store = try ChatStore(postgres: url, localPath: directory + "/postgres")
            storeArguments = ["--database", url]
            print("store: PostgreSQL \(try PostgresAddress(url: url).redacted)")
        } else {
            store = try ChatStore(path: directory + "/chat.sqlite")
            storeArguments = ["--db", store.path]
            print("store: SQLite")
        }
        let credentials = try ServerCredentials.loadOrCreate(forStore: store.path)
        let server = try ServerProcess(storeArguments, credentials: credentials)
        defer { server.stop() }
        guard let port = try server.port() else { throw BenchError("the server did not start") }
        let baseURL = "http://127.0.0.1:\(port)"
        try await fill(baseURL, credentials)

        let script = directory + "/query.py"
        try Self.script.write(toFile: script, atomically: true, encoding: .utf8)
        let output = Pipe()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, baseURL, credentials.apiKey, credentials.apiSecret, String(queries)]
        process.standardOutput = output
        print("\(queries) queries of 50 messages from a channel of \(messages), one client, loopback:")
        // CPU time holds steadier than wall time when other work shares the cores. The script
        // prints a line as each kind of request ends, so each gets its own share.
        var cpuBefore = try Self.cpuSeconds(of: server.pid)
        var queryCPU = 0.0
        try process.run()
        while let line = try output.fileHandleForReading.readLine() {
            let cpu = try Self.cpuSeconds(of: server.pid)
            print(line + String(format: "   server CPU %6.3f ms a request", (cpu - cpuBefore) * 1000 / Double(queries + 50)))
            if !line.contains("floor") { queryCPU += cpu - cpuBefore }
            cpuBefore = cpu
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchError("the Python client failed (status \(process.terminationStatus))") }
        let requests = 2 * (queries + 50)
        print(String(format: "  server CPU       %6.3f ms a query (%d queries)", queryCPU * 1000 / Double(requests), requests))
    }

    /// User + system CPU seconds `pid` has used (fields 14 and 15 of /proc/PID/stat, in clock ticks).
    static func cpuSeconds(of pid: Int32) throws -> Double {
        let stat = try String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
        // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
        let fields = stat[stat.range(of: ")", options: .backwards)!.upperBound...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else {
            throw BenchError("cannot read the CPU time of process \(pid)")
        }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// Ten members and `messages` messages in `messaging:bench`, through the REST API.
    private func fill(_ baseURL: String, _ credentials: ServerCredentials) async throws {
        let admin = StreamREST(
            endpoint: StreamEndpoint(
                baseURL: baseURL,
                apiKey: credentials.apiKey,
                token: StreamToken.sign(["server": true], secret: credentials.apiSecret)
            )
        )
        let members = (0..<10).map { "u\($0)" }
        var users = JSONObject()
        for id in members { users.appendUnique(id, ["id": .string(id), "name": .string("User \(id)")]) }
        _ = try await admin.post("users", ["users": .object(users)])
        _ = try await admin.post(
            "channels/messaging/bench/query",
            ["data": ["created_by_id": "u0", "members": .array(members.map(JSONValue.string))]]
        )
        for n in 0..<messages {
            let text = "message \(n): the quick brown fox jumps over the lazy dog, and a link https://example.com/\(n)"
            _ = try await admin.post(
                "channels/messaging/bench/message",
                ["message": ["text": .string(text), "user_id": .string(members[n % 10])]]
            )
        }
    }

    /// Times `channel.query(messages={"limit": 50})` through the SDK, then the same POST through a
    /// bare keep-alive `requests` session, then the floor both ways: `GET /app` (`get_app_settings`),
    /// the cheapest authenticated request, whose time is mostly the round trip and Python's side of
    /// it. Prints p50 / p99 / max in milliseconds for each.
    static let script = """
        import sys, time, requests
        from stream_chat import StreamChat
        base, key, secret, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
        client = StreamChat(api_key=key, api_secret=secret, base_url=base)
        channel = client.channel("messaging", "bench")
        def timed(call):
            for _ in range(50):
                call()
            samples = []
            for _ in range(n):
                start = time.perf_counter()
                call()
                samples.append((time.perf_counter() - start) * 1000)
            samples.sort()
            return samples[len(samples) // 2], samples[len(samples) * 99 // 100], samples[-1]
        def through_sdk():
            answer = channel.query(messages={"limit": 50})
            assert len(answer["messages"]) == 50, len(answer["messages"])
        session = requests.Session()
        url = base + "/channels/messaging/bench/query?api_key=" + key
        headers = {"Authorization": client.auth_token, "stream-auth-type": "jwt", "Content-Type": "application/json"}
        body = b'{"state": true, "data": {}, "messages": {"limit": 50}}'
        def bare():
            answer = session.post(url, data=body, headers=headers)
            assert answer.status_code == 201 or answer.status_code == 200, answer.status_code
        def floor_sdk():
            client.get_app_settings()
        def floor_bare():
            answer = session.get(base + "/app?api_key=" + key, headers=headers)
            assert answer.status_code == 200, answer.status_code
        calls = (("stream-chat SDK", through_sdk), ("bare requests", bare))
        floors = (("floor: SDK", floor_sdk), ("floor: bare", floor_bare))
        for name, call in calls + floors:
            p50, p99, top = timed(call)
            print(f"  {name:16} p50 {p50:6.2f} ms   p99 {p99:6.2f} ms   max {top:6.2f} ms", flush=True)
        """
}
