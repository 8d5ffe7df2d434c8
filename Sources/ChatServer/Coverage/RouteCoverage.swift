import ChatStore
import Foundation
import Hummingbird

/// The catalogue against what the router really registers: the coverage table
/// (`chatterm serve --routes`, `docs/server-coverage.md`) and the disagreements a test forbids.
public enum RouteCoverage {
    /// The router's routes as `METHOD /pattern` (captures as `{}`).
    public static func registered(_ router: Router<ServerContext>) -> Set<String> {
        Set(router.routes.map { "\($0.method.rawValue) \(StreamOperation.pattern($0.path.description))" })
    }

    /// Every way the catalogue and the router disagree: an operation listed as served with no
    /// route, one listed as unserved that a route serves, a route that is neither.
    public static func disagreements(registered: Set<String>) -> [String] {
        var problems: [String] = []
        var listed: Set<String> = []
        for operation in RouteCatalogue.operations {
            let key = "\(operation.method) \(operation.pattern)"
            listed.insert(key)
            let routed = registered.contains(key)
            if operation.isServed, !routed { problems.append("\(operation.id) (\(key)) is listed as served but no route serves it") }
            if !operation.isServed, routed { problems.append("\(operation.id) (\(key)) is listed as unserved but a route serves it") }
        }
        listed.formUnion(RouteCatalogue.localRoutes.map { "\($0.method) \(StreamOperation.pattern($0.path))" })
        for route in registered.subtracting(listed).sorted() { problems.append("\(route) is registered but not in the catalogue") }
        return problems
    }

    /// The table for the routes this server registers, built over a scratch store (which
    /// routes exist does not depend on the data).
    public static func table() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chatterm-routes-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try ChatStore(path: directory.appendingPathComponent("scratch.db").path)
        let credentials = try ServerCredentials(apiKey: "routes", apiSecret: String(repeating: "r", count: 32))
        return markdown(registered: registered(ChatServerApp.router(store: store, credentials: credentials, hub: EventHub())))
    }

    /// The table as Markdown, one row per operation in path order, then the count.
    public static func markdown(registered: Set<String>) -> String {
        let operations = RouteCatalogue.operations
        let served = operations.filter { registered.contains("\($0.method) \($0.pattern)") }
        var lines = [
            "| path | method | operation | local server |",
            "|---|---|---|---|",
        ]
        for operation in operations {
            let key = "\(operation.method) \(operation.pattern)"
            let answer = registered.contains(key) ? "served" : "404 / 16: \(operation.unservedReason ?? "no route")"
            lines.append("| `\(operation.path)` | \(operation.method) | \(operation.id) | \(answer) |")
        }
        lines.append("")
        lines.append("\(served.count) of \(operations.count) operations served.")
        return lines.joined(separator: "\n") + "\n"
    }
}
