import ArgumentParser
import ChatStore
import Foundation

/// `ChatStore.search` on an existing store (`chatterm generate` then `chatterm import` makes
/// one): each query over the channels a user is a member of, or over one channel, with the
/// plan chosen per query and with each plan forced, in CPU milliseconds a search.
struct SearchBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Time searches of an existing SQLite store, per plan (CPU ms a search of 25 results)."
    )

    @Option(help: "The SQLite store.")
    var db: String

    @Option(help: "Search the channels this user is a member of.")
    var user: String?

    @Option(help: "Search this channel (type:id).")
    var channel: String?

    @Option(help: "Searches timed per query and plan, after one warm-up.")
    var repeats = 5

    @Argument(help: "Queries; `$autocomplete ` before one searches word starts.")
    var queries: [String] = ["the", "1004", "$autocomplete stag"]

    func validate() throws {
        guard (user == nil) != (channel == nil) else { throw ValidationError("give --user or --channel") }
    }

    func run() throws {
        let store = try ChatStore(path: db, access: .read)
        let viewer = user ?? ""
        let cids = try channel.map { [$0] } ?? store.memberChannels(of: viewer)
        print("\(cids.count) channels, \(repeats) searches each:")
        for query in queries {
            let prefix = query.hasPrefix("$autocomplete ")
            let text = prefix ? String(query.dropFirst("$autocomplete ".count)) : query
            var line = "  " + query.padding(toLength: 20, withPad: " ", startingAt: 0)
            for plan in [nil] + MessageWordIndex.Plan.allCases {
                var search = MessageSearch(query: text, prefix: prefix, order: [])
                search.plan = plan
                let found = try store.search(search, cids: cids, viewer: viewer, limit: 25, offset: 0).count
                let before = Self.cpuSeconds()
                for _ in 0..<repeats { _ = try store.search(search, cids: cids, viewer: viewer, limit: 25, offset: 0) }
                let milliseconds = (Self.cpuSeconds() - before) * 1000 / Double(repeats)
                line += String(format: "  %@ %7.1f ms (%d)", plan?.rawValue ?? "chosen", milliseconds, found)
            }
            print(line)
        }
    }

    private static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}
