import ChatModel

/// How message times are written: a 24- or 12-hour clock, with or without the date. The
/// config's `timestamps` and `/timestamps` name one. Details and search results always show
/// the full date and time, on the same clock.
public enum TimestampFormat: String, CaseIterable, Sendable {
    case h24 = "24h"
    case h12 = "12h"
    case h24Date = "24h-date"
    case h12Date = "12h-date"

    /// The names, for messages: `24h, 12h, 24h-date, 12h-date`.
    public static let names = allCases.map(\.rawValue).joined(separator: ", ")

    var hasDate: Bool { self == .h24Date || self == .h12Date }
    var twelveHour: Bool { self == .h12 || self == .h12Date }

    /// A message's time beside its author: `14:05`, ` 2:05pm`, `2026-12-06 14:05`.
    func short(_ c: Timestamp.CivilTime) -> String {
        (hasDate ? Self.date(c) + " " : "") + clock(c, seconds: false)
    }

    /// The full date and time: `Sunday 2026-12-06 14:05:09` (or ` 2:05:09pm`).
    func full(_ c: Timestamp.CivilTime) -> String {
        RenderContext.dayNames[c.weekday] + " " + Self.date(c) + " " + clock(c, seconds: true)
    }

    /// The date and the minute, where the full form does not fit: `2026-12-06 14:05`.
    func dated(_ c: Timestamp.CivilTime) -> String { Self.date(c) + " " + clock(c, seconds: false) }

    private func clock(_ c: Timestamp.CivilTime, seconds: Bool) -> String {
        let tail = ":" + Self.two(c.minute) + (seconds ? ":" + Self.two(c.second) : "")
        guard twelveHour else { return Self.two(c.hour) + tail }
        // 12-hour: 12am is midnight, 12pm noon; the hour is padded so times line up.
        let hour = c.hour % 12 == 0 ? 12 : c.hour % 12
        return (hour < 10 ? " " : "") + "\(hour)" + tail + (c.hour < 12 ? "am" : "pm")
    }

    private static func date(_ c: Timestamp.CivilTime) -> String {
        "\(c.year)-" + two(c.month) + "-" + two(c.day)
    }

    private static func two(_ n: Int) -> String { (n < 10 ? "0" : "") + "\(n)" }
}
