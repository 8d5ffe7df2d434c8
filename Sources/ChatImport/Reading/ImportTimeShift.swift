import ChatModel

/// Import files (or an export's files) moved in time: every quoted RFC 3339 timestamp in them
/// shifted by the same whole number of seconds, chosen so that their newest instant before
/// `now` lands at `target`. Relative times (who read what, threads, pins, a user's absence)
/// stay as they were. `chatterm demo` uses it so that the demo's history ends minutes ago
/// rather than years ago.
public enum ImportTimeShift {
    /// `texts` shifted together, so that times across them keep their order.
    public static func shifted(_ texts: [String], newestAt target: Timestamp, now: Timestamp = .now()) -> [String] {
        let found = texts.map { timestamps(in: Array($0.utf8)) }
        let past = found.flatMap { $0.map(\.time) }.filter { $0 <= now }
        guard let newest = past.max() else { return texts }
        let offset = target.seconds - newest.seconds
        return zip(texts, found).map { text, timestamps in
            let bytes = Array(text.utf8)
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            var copied = 0
            for (range, time) in timestamps {
                result += bytes[copied..<range.lowerBound]
                result += Array(Timestamp(seconds: time.seconds + offset, nanoseconds: time.nanoseconds).rfc3339.utf8)
                copied = range.upperBound
            }
            result += bytes[copied...]
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// The quoted strings of `bytes` that are RFC 3339 timestamps: their ranges inside the quotes.
    private static func timestamps(in bytes: [UInt8]) -> [(range: Range<Int>, time: Timestamp)] {
        let quote = UInt8(ascii: "\"")
        var found: [(Range<Int>, Timestamp)] = []
        var i = 0
        while i < bytes.count {
            // The shortest timestamp is 20 bytes (`2020-01-01T00:00:00Z`), the longest 35.
            guard bytes[i] == quote, i + 21 < bytes.count, (48...57).contains(bytes[i + 1]) else {
                i += 1
                continue
            }
            let start = i + 1
            guard let end = bytes[start..<min(bytes.count, start + 36)].firstIndex(of: quote) else {
                i += 1
                continue
            }
            if end - start >= 20, let time = Timestamp(rfc3339: String(decoding: bytes[start..<end], as: UTF8.self)) {
                found.append((start..<end, time))
                i = end + 1
            } else {
                i += 1
            }
        }
        return found
    }
}
