/// What one watcher received, kept bounded for a soak: per sender the next sequence number
/// expected and the distinct count, counts of the other events, and a latency histogram.
struct WatcherLog: Sendable {
    private struct Stream: Sendable {
        var next = 0, distinct = 0, duplicated = 0, outOfOrder = false
    }
    private var streams: [String: Stream] = [:]
    private(set) var others: [String: Int] = [:]
    private(set) var latency = LatencyHistogram()
    private(set) var count = 0

    mutating func delivered(sender: String, seq: Int, after seconds: Double) {
        var stream = streams[sender, default: Stream()]
        if seq == stream.next {
            stream.distinct += 1
            stream.next += 1
        } else if seq > stream.next {
            // A later message first: the skipped ones may still come, out of order.
            stream.outOfOrder = true
            stream.distinct += 1
            stream.next = seq + 1
        } else {
            stream.duplicated += 1
        }
        streams[sender] = stream
        latency.add(seconds)
        count += 1
    }

    mutating func other(_ type: String) { others[type, default: 0] += 1 }

    /// Every watcher's log together.
    struct Summary {
        let logs: [String: WatcherLog]
        let latency: LatencyHistogram
        let count: Int

        init(_ logs: [String: WatcherLog]) {
            self.logs = logs
            latency = logs.values.reduce(into: LatencyHistogram()) { $0.merge($1.latency) }
            count = logs.values.reduce(0) { $0 + $1.count }
        }

        /// Messages missing at a watcher, received more than once, and watchers that saw some
        /// sender's messages out of the order they were sent.
        func check(watchers: [String], senders: [String], messages: Int) -> (lost: Int, duplicated: Int, outOfOrder: Int) {
            var lost = 0
            var duplicated = 0
            var outOfOrder = 0
            for watcher in watchers {
                let got = logs[watcher]?.streams ?? [:]
                lost += senders.count * messages - got.values.reduce(0) { $0 + $1.distinct }
                duplicated += got.values.reduce(0) { $0 + $1.duplicated }
                if got.values.contains(where: \.outOfOrder) { outOfOrder += 1 }
            }
            return (lost, duplicated, outOfOrder)
        }

        /// Watchers whose count of an extra event type is not `each`, and one of them.
        func others(watchers: [String], each: Int) -> (wrong: Int, example: String) {
            var wrong = 0
            var example = ""
            for watcher in watchers {
                for type in LoadEvent.counted where logs[watcher]?.others[type] ?? 0 != each {
                    wrong += 1
                    example = "\(watcher) got \(logs[watcher]?.others[type] ?? 0) \(type) of \(each)"
                }
            }
            return (wrong, example)
        }
    }
}
