import ArgumentParser
import ChatCore
import ChatImport
import ChatModel
import ChatStore
import Foundation
import TerminalUI

extension ChatStore: ChatBackend {}

/// The terminal client on a large store: time to first frame, time to open the largest
/// channel, and the cost of one keypress (reduce + render of a whole frame).
struct ClientBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "client",
        abstract: "Time the terminal client's first frame, channel opening and per-key render on a large store."
    )

    @Option(help: "An existing store to use (else one is generated and imported: 1,000,000 messages).")
    var db: String?

    @Option(help: "Messages when generating.")
    var messages = 1_000_000

    @Option(help: "Keypresses to time.")
    var keys = 2_000

    @Option(help: "Terminal size, WIDTHxHEIGHT.")
    var size = "120x40"

    func run() throws {
        let dims = size.split(separator: "x").compactMap { Int($0) }
        guard dims.count == 2 else { throw ValidationError("--size is WIDTHxHEIGHT") }
        let path = try db ?? BenchStore.path(messages: messages)
        let store = try ChatStore(path: path)
        let context = RenderContext(theme: try BenchTheme.dark())
        let (largest, viewer) = try largestChannel(store)

        // First frame: the user's channel list with counts, the first channel's newest page, one
        // render. The loads run on the app's effect worker; `settle` waits for their answers.
        let start = Date()
        let app = TerminalApp(backend: store, state: ChatState(userID: viewer, userName: viewer), context: context)
        app.start()
        app.settle()
        _ = ChatView.render(app.currentState, width: dims[0], height: dims[1], context: context)
        let firstFrame = Date().timeIntervalSince(start)

        // Memory with the smallest channel open, then the largest: it must not follow channel size.
        let counts = try store.channelMessageCounts()
        if let smallest = counts.filter({ $0.value > 0 }).min(by: { $0.value < $1.value })?.key {
            app.dispatch(.openChannel(cid: smallest))
            app.settle()
            _ = ChatView.render(app.currentState, width: dims[0], height: dims[1], context: context)
        }
        let memorySmallest = residentMemory()
        let openStart = Date()
        app.dispatch(.openChannel(cid: largest))
        app.settle()
        _ = ChatView.render(app.currentState, width: dims[0], height: dims[1], context: context)
        let openTime = Date().timeIntervalSince(openStart)
        let memoryAfterOpen = residentMemory()

        // Keypresses: scrolling back (with page loads), selecting, the switcher, help.
        let script: [ChatEvent] = [
            .scroll(messages: 10), .scroll(messages: 10), .startSelecting, .moveSelection(-1), .moveSelection(-1),
            .switcherOpen, .switcherType("e"), .switcherType("n"), .dismiss, .toggleHelp, .toggleHelp, .dismiss, .scroll(messages: -5),
        ]
        var keySamples = LatencySamples()
        var renderSamples = LatencySamples()
        for i in 0..<keys {
            let t = Date()
            app.dispatch(script[i % script.count])
            app.settle()
            let r = Date()
            _ = ChatView.render(app.currentState, width: dims[0], height: dims[1], context: context)
            let end = Date()
            keySamples.add(end.timeIntervalSince(t) * 1000)
            renderSamples.add(end.timeIntervalSince(r) * 1000)
        }
        let render = renderSamples.summary
        let key = keySamples.summary
        let rows = app.currentState.window?.rows.count ?? 0
        print("store: \(path)")
        print("viewer \(viewer), largest channel \(largest), \(dims[0])x\(dims[1])")
        print(String(format: "first frame        %8.1f ms", firstFrame * 1000))
        print(String(format: "open largest       %8.1f ms", openTime * 1000))
        print(
            String(
                format: "render per key     median %.3f ms, p99 %.3f ms, max %.3f ms (%d keys)",
                render.median,
                render.p99,
                render.max,
                keys
            )
        )
        print(
            String(
                format: "key incl. loads    median %.3f ms, p99 %.3f ms (reduce, store page loads on the worker, render)",
                key.median,
                key.p99
            )
        )
        print(
            String(
                format:
                    "memory: smallest channel open %.1f MiB, largest (%d messages) %.1f MiB, after %d keys %.1f MiB; window holds %d messages",
                memorySmallest,
                counts[largest] ?? 0,
                memoryAfterOpen,
                keys,
                residentMemory(),
                rows
            )
        )
    }

    /// The channel with the most messages, and one of its members to read it as.
    private func largestChannel(_ store: ChatStore) throws -> (String, String) {
        let counts = try store.channelMessageCounts()
        guard let largest = counts.max(by: { $0.value < $1.value })?.key, let member = try store.members(cid: largest).first else {
            throw BenchError("the store has no channel with members")
        }
        return (largest, member.user.id)
    }

    private func residentMemory() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
        else { return 0 }
        return (Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) / 1024
    }
}
