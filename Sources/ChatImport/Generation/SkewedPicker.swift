import ChatModel

/// Picks among `count` places with weights 1, 1/2, 1/3, …: a few busy channels and a long
/// tail, as real workspaces have. Shared by both synthetic generators so they skew alike.
struct SkewedPicker {
    private var cumulative: [Double] = []
    private var sum = 0.0

    init(count: Int) {
        for k in 0..<count {
            sum += 1 / Double(k + 1)
            cumulative.append(sum)
        }
    }

    func pick(_ rng: inout SeededRandom) -> Int {
        let target = Double(rng.next() >> 11) / Double(1 << 53) * sum
        var lo = 0
        var hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] < target { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
