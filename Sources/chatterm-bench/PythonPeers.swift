import Foundation

/// The peers `chatterm-bench import` measures chatterm against, run on the same file in the
/// same run: Python with orjson only parsing each line (what validating must beat), and
/// Python's sqlite3 loading the messages alone into a table with one index, no checks (what
/// importing must beat). Each is its own process, measured like chatterm's commands.
enum PythonPeers {
    /// Parses every line with orjson and keeps nothing.
    static let parse = """
        import sys, orjson
        loads = orjson.loads
        with open(sys.argv[1], "rb") as f:
            for line in f:
                if line.strip():
                    loads(line)
        """

    /// Loads the messages with `executemany` in one transaction: a table with one index, the
    /// columns a chat client reads, the item kept whole.
    static let load = """
        import sys, sqlite3, orjson
        db = sqlite3.connect(sys.argv[2])
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("CREATE TABLE messages (id TEXT, cid TEXT, user_id TEXT, text TEXT, created_at TEXT, item TEXT)")
        db.execute("CREATE INDEX messages_by_channel ON messages (cid, created_at)")
        def rows():
            with open(sys.argv[1], "rb") as f:
                for line in f:
                    if b'"message"' not in line:
                        continue
                    item = orjson.loads(line)
                    if item.get("type") == "message":
                        d = item["data"]
                        cid = d.get("channel_type", "") + ":" + d.get("channel_id", "")
                        yield (d.get("id"), cid, d.get("user"), d.get("text"), d.get("created_at"), line)
        with db:
            db.executemany("INSERT INTO messages VALUES (?, ?, ?, ?, ?, ?)", rows())
        """

    /// Why the peers cannot run here, or nil when python3 with orjson is on PATH.
    static func unavailable() -> String? {
        guard let outcome = try? ChildProcess.run("/usr/bin/env", ["python3", "-c", "import orjson, sqlite3"]) else {
            return "python3 could not be started"
        }
        return outcome.status == 0 ? nil : "python3 with orjson is not on PATH (pip install orjson)"
    }

    /// Runs `script` with `arguments` (written to a file in `work` first).
    static func run(_ script: String, named name: String, in work: String, _ arguments: [String]) throws -> ChildProcess.Outcome {
        let path = work + "/\(name).py"
        try script.write(toFile: path, atomically: true, encoding: .utf8)
        return try ChildProcess.run("/usr/bin/env", ["python3", path] + arguments)
    }
}
