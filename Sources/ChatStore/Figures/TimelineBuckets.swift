import ChatModel

/// Rolls messages per day (from SQL) up into weeks or months, every period from the first
/// message to the last, so a chart shows quiet periods as gaps rather than hiding them.
enum TimelineBuckets {
    /// Up to this many days of history, weeks; longer, months (a chart stays under ~30 bars per year).
    static let weeklyUpToDays = 183

    static func make(days: [(day: String, count: Int)]) -> MigrationFigures.Timeline {
        var timeline = MigrationFigures.Timeline()
        let parsed = days.compactMap { entry in dayNumber(entry.day).map { (number: $0, count: entry.count) } }
        guard let first = parsed.first, let last = parsed.last else { return timeline }
        timeline.firstDay = days.first?.day
        timeline.lastDay = days.last?.day
        timeline.period = last.number - first.number <= weeklyUpToDays ? .week : .month
        var counts: [String: Int] = [:]
        for entry in parsed { counts[start(of: entry.number, timeline.period), default: 0] += entry.count }
        // Walk the calendar from the first period to the last, a day at a time (at most a few thousand steps).
        var seen: Set<String> = []
        for number in first.number...last.number {
            let key = start(of: number, timeline.period)
            if seen.insert(key).inserted { timeline.buckets.append(.init(start: key, count: counts[key] ?? 0)) }
        }
        return timeline
    }

    /// Days since 1970-01-01 of `YYYY-MM-DD`.
    private static func dayNumber(_ day: String) -> Int? {
        Timestamp(rfc3339: day + "T00:00:00Z").map { $0.civil(utcOffsetSeconds: 0).dayNumber }
    }

    /// The period's label: `YYYY-MM`, or the Monday of the week as `YYYY-MM-DD`.
    private static func start(of dayNumber: Int, _ period: MigrationFigures.Timeline.Period) -> String {
        let weekday = Timestamp(seconds: Int64(dayNumber) * 86_400).civil(utcOffsetSeconds: 0).weekday  // 0 = Sunday
        let day = period == .week ? dayNumber - (weekday + 6) % 7 : dayNumber
        let civil = Timestamp(seconds: Int64(day) * 86_400).civil(utcOffsetSeconds: 0)
        let month = format0(civil.year, 4) + "-" + format0(civil.month, 2)
        return period == .month ? month : month + "-" + format0(civil.day, 2)
    }

    private static func format0(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
