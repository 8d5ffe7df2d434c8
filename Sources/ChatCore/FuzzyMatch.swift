import ChatModel

/// Fuzzy matching for the channel switcher: the query's characters in order, case and accents
/// folded (`NameFolding`: "tomas" finds "Tomás").
/// Matches at word starts and runs of consecutive characters score higher, so "eng" finds
/// "engineering" before "design-review-ng", and "rai" finds the start of "Northwind Raiders"
/// rather than the first r, a and i in it: of all the ways the query matches, the best counts.
public enum FuzzyMatch {
    /// The matched character offsets in `candidate` and a score (higher is better), or nil.
    public static func match(_ query: String, in candidate: String) -> (offsets: [Int], score: Int)? {
        let needle = NameFolding.characters(query)
        let hay = NameFolding.characters(candidate)
        guard !needle.isEmpty else { return ([], 0) }
        guard needle.count <= hay.count else { return nil }
        // best[j][i]: the best score of needle[0...j] with needle[j] at hay[i]; from[j][i]: where
        // needle[j - 1] then was. A switcher's titles and queries are short: a table is cheap.
        var best = Array(repeating: Array(repeating: Int.min, count: hay.count), count: needle.count)
        var from = Array(repeating: Array(repeating: -1, count: hay.count), count: needle.count)
        for j in needle.indices {
            // The best score of needle[0..<j] ending before i, and where it ended.
            var before = (score: j == 0 ? 0 : Int.min, at: -1)
            for i in hay.indices {
                if j > 0, i > 0, best[j - 1][i - 1] > before.score { before = (best[j - 1][i - 1], i - 1) }
                guard hay[i] == needle[j], before.score > Int.min else { continue }
                let wordStart = i == 0 || !(hay[i - 1].isLetter || hay[i - 1].isNumber)
                let base = 1 + (wordStart ? 8 : 0)
                var score = before.score + base
                var previous = before.at
                // Right after the previous character of the query: a run.
                if j > 0, i > 0, best[j - 1][i - 1] > Int.min, best[j - 1][i - 1] + base + 4 >= score {
                    score = best[j - 1][i - 1] + base + 4
                    previous = i - 1
                }
                best[j][i] = score
                from[j][i] = previous
            }
        }
        guard let last = needle.indices.last, let end = hay.indices.max(by: { best[last][$0] < best[last][$1] }),
            best[last][end] > Int.min
        else { return nil }
        var offsets = [end]
        for j in stride(from: last, to: 0, by: -1) { offsets.insert(from[j][offsets[0]], at: 0) }
        return (offsets, best[last][end] - hay.count / 8)
    }
}
