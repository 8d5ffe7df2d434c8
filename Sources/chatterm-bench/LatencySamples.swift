/// Timings of one kind, in milliseconds, every sample kept: the client benchmarks' runs are
/// short enough for that (the fan-out soak buckets its latencies in `LatencyHistogram`).
struct LatencySamples {
    private var milliseconds: [Double] = []

    mutating func add(_ ms: Double) { milliseconds.append(ms) }

    /// The median, the 99th percentile and the largest sample, as the benchmarks print them.
    var summary: (median: Double, p99: Double, max: Double) {
        let sorted = milliseconds.sorted()
        return (sorted[sorted.count / 2], sorted[sorted.count * 99 / 100], sorted.last ?? 0)
    }
}
