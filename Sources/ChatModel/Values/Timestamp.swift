/// An instant with nanosecond precision, read from and written as RFC 3339.
///
/// Three forms: `rfc3339` is what the API prints (UTC, fraction without trailing zeros),
/// `storageText` is a fixed-width UTC form whose text order is time order (SQLite compares
/// it directly), and parsing accepts any RFC 3339 offset, as Stream does.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public let seconds: Int64
    /// 0 ..< 1_000_000_000.
    public let nanoseconds: Int32

    public init(seconds: Int64, nanoseconds: Int32 = 0) {
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    public static func < (a: Timestamp, b: Timestamp) -> Bool {
        (a.seconds, a.nanoseconds) < (b.seconds, b.nanoseconds)
    }

    public var description: String { rfc3339 }

    /// One nanosecond earlier: a read position here leaves a message made at `self` unread.
    public var justBefore: Timestamp {
        nanoseconds > 0
            ? Timestamp(seconds: seconds, nanoseconds: nanoseconds - 1) : Timestamp(seconds: seconds - 1, nanoseconds: 999_999_999)
    }

    /// One nanosecond later: a page that starts here leaves out what was made at `self`.
    public var justAfter: Timestamp {
        nanoseconds < 999_999_999
            ? Timestamp(seconds: seconds, nanoseconds: nanoseconds + 1) : Timestamp(seconds: seconds + 1, nanoseconds: 0)
    }

    // MARK: Parsing

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`; nil when the text is anything else,
    /// including impossible dates such as February 30th.
    public init?(rfc3339 text: String) {
        var text = text
        guard let parsed = text.withUTF8({ Timestamp.parse($0) }) else { return nil }
        self = parsed
    }

    /// The same, from the text's UTF-8 bytes: for readers that have them and no `String`.
    public init?(rfc3339UTF8 bytes: UnsafeBufferPointer<UInt8>) {
        guard let parsed = Timestamp.parse(bytes) else { return nil }
        self = parsed
    }

    private static func parse(_ b: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        guard b.count >= 20 else { return nil }
        func digits(_ at: Int, _ count: Int) -> Int? {
            var v = 0
            for i in at..<(at + count) {
                let d = Int(b[i]) - 48
                guard d >= 0, d <= 9 else { return nil }
                v = v * 10 + d
            }
            return v
        }
        guard let year = digits(0, 4), b[4] == UInt8(ascii: "-"),
            let month = digits(5, 2), b[7] == UInt8(ascii: "-"),
            let day = digits(8, 2), b[10] | 0x20 == UInt8(ascii: "t"),
            let hour = digits(11, 2), b[13] == UInt8(ascii: ":"),
            let minute = digits(14, 2), b[16] == UInt8(ascii: ":"),
            let second = digits(17, 2)
        else { return nil }
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
            hour < 24, minute < 60, second < 60
        else { return nil }
        var i = 19
        var nanos = 0
        if b[i] == UInt8(ascii: ".") {
            i += 1
            let start = i
            while i < b.count, b[i] >= 48, b[i] <= 57 {
                if i - start < 9 { nanos = nanos * 10 + Int(b[i] - 48) }
                i += 1
            }
            guard i > start else { return nil }
            for _ in 0..<max(0, 9 - (i - start)) { nanos *= 10 }
        }
        guard i < b.count else { return nil }
        var offsetSeconds = 0
        if b[i] | 0x20 == UInt8(ascii: "z") {
            i += 1
        } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            guard i + 6 == b.count, let oh = digits(i + 1, 2), b[i + 3] == UInt8(ascii: ":"),
                let om = digits(i + 4, 2), oh < 24, om < 60
            else { return nil }
            offsetSeconds = (oh * 3600 + om * 60) * (b[i] == UInt8(ascii: "-") ? -1 : 1)
            i += 6
        } else {
            return nil
        }
        guard i == b.count else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let secs = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offsetSeconds)
        return Timestamp(seconds: secs, nanoseconds: Int32(nanos))
    }

    // MARK: Formatting

    /// `2020-03-14T09:26:53.589Z`: UTC, with as many fraction digits as needed.
    public var rfc3339: String { format(fixedFraction: false) }

    /// `2020-03-14T09:26:53.589000000Z`: fixed width, so text order is time order.
    public var storageText: String { format(fixedFraction: true) }

    /// Writes the text straight into the string's buffer: every stored item has a few of
    /// these, so the import cannot afford a dozen small strings per timestamp.
    private func format(fixedFraction: Bool) -> String {
        let days = Int(seconds.floorDivided(by: 86_400))
        let secondOfDay = Int(seconds - Int64(days) * 86_400)
        let (year, month, day) = Timestamp.civilFromDays(days)
        return String(unsafeUninitializedCapacity: 30) { out in
            var i = 0
            func put(_ value: Int, _ width: Int) {
                var v = value
                for k in stride(from: width - 1, through: 0, by: -1) {
                    out[i + k] = UInt8(48 + v % 10)
                    v /= 10
                }
                i += width
            }
            func put(_ c: Unicode.Scalar) {
                out[i] = UInt8(ascii: c)
                i += 1
            }
            put(year, 4)
            put("-")
            put(month, 2)
            put("-")
            put(day, 2)
            put("T")
            put(secondOfDay / 3600, 2)
            put(":")
            put(secondOfDay / 60 % 60, 2)
            put(":")
            put(secondOfDay % 60, 2)
            if fixedFraction || nanoseconds > 0 {
                put(".")
                put(Int(nanoseconds), 9)
                if !fixedFraction { while out[i - 1] == UInt8(ascii: "0") { i -= 1 } }
            }
            put("Z")
            return i
        }
    }

    // MARK: Calendar (proleptic Gregorian, Howard Hinnant's algorithms)

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

extension Int64 {
    fileprivate func floorDivided(by d: Int64) -> Int64 {
        let q = self / d
        return (self % d != 0 && (self < 0) != (d < 0)) ? q - 1 : q
    }
}

extension Timestamp {
    /// Calendar fields of this instant at a fixed UTC offset (the reader's time zone).
    public struct CivilTime: Sendable, Hashable {
        public var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int
        /// 0 = Sunday … 6 = Saturday.
        public var weekday: Int
        /// Days since 1970-01-01, for "same day" comparisons.
        public var dayNumber: Int
    }

    public func civil(utcOffsetSeconds: Int) -> CivilTime {
        let local = seconds + Int64(utcOffsetSeconds)
        let days = Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
        let secondOfDay = Int(local - Int64(days) * 86_400)
        let (y, m, d) = Timestamp.civilFromDays(days)
        let weekday = ((days % 7) + 7 + 4) % 7  // 1970-01-01 was a Thursday
        return CivilTime(
            year: y,
            month: m,
            day: d,
            hour: secondOfDay / 3600,
            minute: secondOfDay / 60 % 60,
            second: secondOfDay % 60,
            weekday: weekday,
            dayNumber: days
        )
    }
}
