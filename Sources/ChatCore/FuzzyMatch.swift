/// Fuzzy matching for the channel switcher: the query's characters in order, case-insensitively.
/// Matches at word starts and runs of consecutive characters score higher, so "eng" finds
/// "engineering" before "design-review-ng".
public enum FuzzyMatch {
    /// The matched character offsets in `candidate` and a score (higher is better), or nil.
    public static func match(_ query: String, in candidate: String) -> (offsets: [Int], score: Int)? {
        let needle = Array(query.lowercased())
        let hay = Array(candidate.lowercased())
        guard !needle.isEmpty else { return ([], 0) }
        var offsets: [Int] = []
        var score = 0
        var j = 0
        for (i, c) in hay.enumerated() where j < needle.count && c == needle[j] {
            let wordStart = i == 0 || !(hay[i - 1].isLetter || hay[i - 1].isNumber)
            let consecutive = offsets.last == i - 1
            score += 1 + (wordStart ? 8 : 0) + (consecutive ? 4 : 0)
            offsets.append(i)
            j += 1
        }
        guard j == needle.count else { return nil }
        return (offsets, score - hay.count / 8)
    }
}
