import ChatModel

/// One line of the summary: a heading, a figure, or a bar of a chart.
public struct SummaryLine: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case heading
        case figure
        /// A bar: the value and the largest of its chart, drawn after `text`.
        case bar(value: Int, max: Int)
    }
    public var kind: Kind
    /// A heading's title, or the name of a figure or a bar. Untrusted where it names channels
    /// or users: the view sanitizes it, then lines it up with `column(_:)`.
    public var label: String
    /// What follows the name: a figure, or a bar's count (the bar is drawn after it). Untrusted
    /// where it names a channel.
    public var value: String

    public init(_ kind: Kind, _ label: String, _ value: String = "") {
        self.kind = kind
        self.label = label
        self.value = value
    }

    /// The label, once sanitized, as the first column: 24 terminal columns, a bar's name cut at
    /// 22 first. Padded after sanitizing, so a name that lost characters still lines up.
    public func column(_ sanitizedLabel: String) -> String {
        switch kind {
        case .heading: sanitizedLabel
        case .figure: sanitizedLabel.padded(toWidth: 24)
        case .bar: DisplayWidth.truncate(sanitizedLabel, toWidth: 22, ellipsis: false).padded(toWidth: 24)
        }
    }

    /// A run of at least this many empty periods is one line of the timeline chart: history
    /// from years ago and messages from today would otherwise be a screenful of empty bars.
    public static let emptyRunShownAsOneLine = 3

    /// The timeline's bars, each run of `emptyRunShownAsOneLine` empty periods or more as one
    /// line `… 14 empty months …`.
    static func timeline(_ timeline: MigrationFigures.Timeline) -> [SummaryLine] {
        let buckets = timeline.buckets
        let top = buckets.map(\.count).max() ?? 0
        var lines: [SummaryLine] = []
        var index = 0
        while index < buckets.count {
            let run = buckets[index...].prefix { $0.count == 0 }.count
            if run >= emptyRunShownAsOneLine {
                lines.append(SummaryLine(.figure, "… \(run) empty \(timeline.period.rawValue)s …"))
                index += run
                continue
            }
            let bucket = buckets[index]
            lines.append(SummaryLine(.bar(value: bucket.count, max: top), bucket.start, bar(bucket.count)))
            index += 1
        }
        return lines
    }

    /// A bar's count, right-aligned in 9 columns and a space before the bar.
    private static func bar(_ value: Int) -> String { NumberText.grouped(value).padded(toWidth: 9, alignment: .trailing) + " " }

    /// The same figures as `chatterm report`, as lines for a terminal pane.
    public static func lines(for f: MigrationFigures) -> [SummaryLine] {
        var lines: [SummaryLine] = []
        let n = NumberText.grouped
        func heading(_ title: String) { lines += [SummaryLine(.figure, ""), SummaryLine(.heading, title)] }
        func figure(_ label: String, _ value: String) {
            lines.append(SummaryLine(.figure, label, value))
        }
        func bars(_ points: [(String, Int)]) {
            let top = points.map(\.1).max() ?? 0
            for (label, value) in points {
                lines.append(SummaryLine(.bar(value: value, max: top), label, bar(value)))
            }
        }

        lines.append(SummaryLine(.heading, "Totals"))
        for type in ItemType.allCases { figure(type.statsKey.replacingOccurrences(of: "_", with: " "), n(f.totals[type])) }
        if let first = f.timeline.firstDay, let last = f.timeline.lastDay { figure("history", "\(first) to \(last)") }
        heading("Channels")
        figure("by type", f.channelsByType.map { "\($0.label) \(n($0.count))" }.joined(separator: ", "))
        figure("members", "\(n(f.members.total)), median \(NumberText.decimal(f.members.median)) per channel")
        if let largest = f.members.largest { figure("largest", "\(largest.title) (\(n(largest.count)) members)") }
        heading("Messages per \(f.timeline.period.rawValue)")
        lines += timeline(f.timeline)
        heading("Messages")
        let share = { (k: Int) in "\(n(k)) (\(NumberText.share(k, of: f.messages.total)))" }
        figure("deleted", share(f.messages.deleted))
        figure("pinned", share(f.messages.pinned))
        figure("system", share(f.messages.system))
        figure(
            "threads",
            "\(n(f.threads.count)) with \(n(f.threads.replies)) replies" + (f.threads.deepest.map { ", longest \(n($0.count))" } ?? "")
        )
        heading("Busiest channels")
        bars(f.busiestChannels.map { ($0.title, $0.count) })
        heading("Busiest users")
        bars(f.busiestUsers.map { ($0.title, $0.count) })
        heading("Reactions")
        bars(f.reactionsByType.map { ($0.label, $0.count) })
        heading("Attachments")
        figure("by type", f.attachments.byType.map { "\($0.label) \(n($0.count))" }.joined(separator: ", "))
        figure("expiring URLs", n(f.attachments.expiringURLs))
        figure("non-https URLs", n(f.attachments.nonHTTPSURLs))
        heading("Unread")
        figure("users with unread", n(f.unread.usersWithUnread))
        figure("unread messages", n(f.unread.unreadMessages))
        bars(f.unread.channels.map { ($0.name ?? $0.cid, $0.messages) })
        heading("Devices and bans")
        figure("devices", f.devicesByProvider.map { "\($0.label) \(n($0.count))" }.joined(separator: ", "))
        figure("bans", "\(n(f.bans.appWide)) app-wide, \(n(f.bans.inChannels)) in channels, \(n(f.bans.futureChannelBans)) future")
        return lines
    }
}
