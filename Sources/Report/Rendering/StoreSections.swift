import ChatModel

/// The store's figures as report sections.
enum StoreSections {
    typealias Doc = ReportDocument
    private static let n = ReportNumber.count

    static func make(_ f: MigrationFigures) -> [Doc.Section] {
        [overview(f), channels(f), messages(f), threadsReactionsAndPolls(f), attachments(f), unread(f), devicesAndBans(f)]
    }

    private static func tallyTable(_ title: String, _ tallies: [MigrationFigures.Tally]) -> Doc.Table {
        let total = tallies.reduce(0) { $0 + $1.count }
        return Doc.Table(
            headers: [title, "count", "share"],
            rows: tallies.map { [$0.label, n($0.count), ReportNumber.share($0.count, of: total)] },
            numeric: [1, 2]
        )
    }

    private static func bars(_ title: String, _ tallies: [MigrationFigures.Tally]) -> Doc.Block {
        .chart(Doc.Chart(kind: .bars, title: title, points: tallies.map { ($0.label, $0.count) }))
    }

    private static func overview(_ f: MigrationFigures) -> Doc.Section {
        let totals = ItemType.allCases.map { MigrationFigures.Tally($0.statsKey.replacingOccurrences(of: "_", with: " "), f.totals[$0]) }
        var facts: [(label: String, value: String)] = [("items", n(f.totals.total))]
        if let first = f.timeline.firstDay, let last = f.timeline.lastDay { facts.append(("history", "\(first) to \(last)")) }
        return Doc.Section(
            title: "Totals",
            blocks: [
                .facts(facts),
                .table(Doc.Table(headers: ["item type", "count"], rows: totals.map { [$0.label, n($0.count)] }, numeric: [1])),
            ]
        )
    }

    private static func channels(_ f: MigrationFigures) -> Doc.Section {
        var facts: [(label: String, value: String)] = [
            ("channels", n(f.totals[.channel])), ("memberships", n(f.members.total)),
            ("median members per channel", ReportNumber.decimal(f.members.median)),
        ]
        if let largest = f.members.largest { facts.append(("largest channel", "\(largest.title) (\(n(largest.count)) members)")) }
        return Doc.Section(
            title: "Channels",
            blocks: [
                .facts(facts),
                .table(tallyTable("channel type", f.channelsByType)),
                bars("Busiest channels (messages)", f.busiestChannels.map { .init($0.title, $0.count) }),
                .table(
                    Doc.Table(
                        headers: ["channel", "cid", "messages"],
                        rows: f.busiestChannels.map { [$0.title, $0.id, n($0.count)] },
                        numeric: [2]
                    )
                ),
            ]
        )
    }

    private static func messages(_ f: MigrationFigures) -> Doc.Section {
        let m = f.messages
        let share = { (k: Int) in "\(n(k)) (\(ReportNumber.share(k, of: m.total)))" }
        return Doc.Section(
            title: "Messages",
            blocks: [
                .facts([
                    ("messages", n(m.total)), ("deleted", share(m.deleted)), ("pinned", share(m.pinned)),
                    ("system", share(m.system)), ("edited", share(m.edited)), ("with attachments", share(m.withAttachments)),
                    ("visible to some users only", share(m.restrictedVisibility)), ("mentioning @here", share(m.mentionedHere)),
                    ("mentioning @channel", share(m.mentionedChannel)), ("mentioning roles", share(m.mentionedRoles)),
                ]),
                .chart(
                    Doc.Chart(
                        kind: .timeline,
                        title: "Messages per \(f.timeline.period.rawValue)",
                        points: f.timeline.buckets.map { ($0.start, $0.count) }
                    )
                ),
                bars("Busiest users (messages)", f.busiestUsers.map { .init($0.title, $0.count) }),
                .table(
                    Doc.Table(
                        headers: ["user", "id", "messages"],
                        rows: f.busiestUsers.map { [$0.title, $0.id, n($0.count)] },
                        numeric: [2]
                    )
                ),
            ]
        )
    }

    private static func threadsReactionsAndPolls(_ f: MigrationFigures) -> Doc.Section {
        var facts: [(label: String, value: String)] = [("threads", n(f.threads.count)), ("replies", n(f.threads.replies))]
        if let deepest = f.threads.deepest {
            facts.append(("longest thread", "\(n(deepest.count)) replies to message \(deepest.id) in \(f.threads.deepestChannel ?? "?")"))
        }
        facts.append(("reactions", n(f.totals[.reaction])))
        facts.append(("polls", n(f.totals[.poll])))
        facts.append(("poll votes and answers", n(f.totals[.pollVote])))
        return Doc.Section(
            title: "Threads, reactions and polls",
            blocks: [
                .facts(facts), bars("Reactions by type", f.reactionsByType),
            ]
        )
    }

    private static func attachments(_ f: MigrationFigures) -> Doc.Section {
        let a = f.attachments
        return Doc.Section(
            title: "Attachments",
            blocks: [
                .facts([
                    ("attachments", n(a.total)),
                    ("expiring URLs", "\(n(a.expiringURLs)) (\(ReportNumber.share(a.expiringURLs, of: a.total)))"),
                    ("non-https URLs", "\(n(a.nonHTTPSURLs)) (\(ReportNumber.share(a.nonHTTPSURLs, of: a.total)))"),
                ]),
                .table(tallyTable("attachment type", a.byType)),
                .note(
                    "Expiring: an asset, image or thumb URL signed to stop working (Expires=, Signature=, X-Amz-Expires=, se=, token=). "
                        + "Copy those files before the links lapse."
                ),
            ]
        )
    }

    private static func unread(_ f: MigrationFigures) -> Doc.Section {
        let u = f.unread
        return Doc.Section(
            title: "Unread state",
            blocks: [
                .facts([
                    ("memberships with a read position", n(u.membersWithReadState)), ("users with unread messages", n(u.usersWithUnread)),
                    ("unread messages (summed over members)", n(u.unreadMessages)),
                ]),
                .table(
                    Doc.Table(
                        headers: ["channel", "cid", "members with unread", "unread messages"],
                        rows: u.channels.map { [$0.name ?? $0.cid, $0.cid, n($0.members), n($0.messages)] },
                        numeric: [2, 3]
                    )
                ),
            ]
        )
    }

    private static func devicesAndBans(_ f: MigrationFigures) -> Doc.Section {
        Doc.Section(
            title: "Devices and bans",
            blocks: [
                .table(tallyTable("push provider", f.devicesByProvider)),
                .facts([
                    ("app-wide bans", n(f.bans.appWide)), ("channel bans", n(f.bans.inChannels)),
                    ("future channel bans", n(f.bans.futureChannelBans)),
                ]),
            ]
        )
    }
}
