/// Latencies in 1 ms buckets up to a minute: bounded however long the run.
struct LatencyHistogram: Sendable {
    private var buckets = [Int](repeating: 0, count: 60_001)
    private var total = 0

    mutating func add(_ seconds: Double) {
        buckets[min(buckets.count - 1, max(0, Int(seconds * 1000)))] += 1
        total += 1
    }

    mutating func merge(_ other: LatencyHistogram) {
        for i in buckets.indices { buckets[i] += other.buckets[i] }
        total += other.total
    }

    func percentile(_ p: Int) -> Double {
        guard total > 0 else { return .nan }
        var seen = 0
        for (ms, n) in buckets.enumerated() {
            seen += n
            if seen * 100 >= total * p { return Double(ms) / 1000 }
        }
        return Double(buckets.count) / 1000
    }
}
