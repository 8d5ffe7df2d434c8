import ChatModel

/// Every figure and finding as JSON, for scripts. Keys are snake_case like Stream's; counts
/// are numbers, not formatted text.
enum ReportJSON {
    static func make(_ r: MigrationReport) -> JSONValue {
        var o: JSONObject = ["store": .string(r.store), "generated_at": .string(r.generatedAt.rfc3339), "figures": figures(r.figures)]
        o["validation"] = r.validation.map(validation) ?? .null
        o["conversion"] = r.conversion.map(conversion) ?? .null
        return .object(o)
    }

    private static func tallies(_ list: [MigrationFigures.Tally]) -> JSONValue {
        var o = JSONObject()
        for t in list { o.appendUnique(t.label, .int(t.count)) }
        return .object(o)
    }

    private static func ranked(_ r: MigrationFigures.Ranked) -> JSONValue {
        ["id": .string(r.id), "name": r.name.map(JSONValue.string) ?? .null, "count": .int(r.count)]
    }

    private static func figures(_ f: MigrationFigures) -> JSONValue {
        [
            "totals": f.totals.json,
            "channels_by_type": tallies(f.channelsByType),
            "members": [
                "total": .int(f.members.total), "median_per_channel": .double(f.members.median),
                "largest_channel": f.members.largest.map(ranked) ?? .null,
            ],
            "messages": [
                "total": .int(f.messages.total), "deleted": .int(f.messages.deleted), "pinned": .int(f.messages.pinned),
                "system": .int(f.messages.system), "edited": .int(f.messages.edited),
                "with_attachments": .int(f.messages.withAttachments),
                "restricted_visibility": .int(f.messages.restrictedVisibility), "mentioned_here": .int(f.messages.mentionedHere),
                "mentioned_channel": .int(f.messages.mentionedChannel), "mentioned_roles": .int(f.messages.mentionedRoles),
            ],
            "timeline": [
                "period": .string(f.timeline.period.rawValue), "first_day": f.timeline.firstDay.map(JSONValue.string) ?? .null,
                "last_day": f.timeline.lastDay.map(JSONValue.string) ?? .null,
                "buckets": .array(f.timeline.buckets.map { ["start": .string($0.start), "count": .int($0.count)] }),
            ],
            "busiest_channels": .array(f.busiestChannels.map(ranked)),
            "busiest_users": .array(f.busiestUsers.map(ranked)),
            "threads": [
                "count": .int(f.threads.count), "replies": .int(f.threads.replies),
                "deepest": f.threads.deepest.map {
                    [
                        "parent_id": .string($0.id), "replies": .int($0.count),
                        "cid": f.threads.deepestChannel.map(JSONValue.string) ?? .null,
                    ]
                } ?? .null,
            ],
            "reactions_by_type": tallies(f.reactionsByType),
            "attachments": [
                "total": .int(f.attachments.total), "by_type": tallies(f.attachments.byType),
                "expiring_urls": .int(f.attachments.expiringURLs), "non_https_urls": .int(f.attachments.nonHTTPSURLs),
            ],
            "unread": [
                "members_with_read_state": .int(f.unread.membersWithReadState), "users_with_unread": .int(f.unread.usersWithUnread),
                "unread_messages": .int(f.unread.unreadMessages),
                "channels": .array(
                    f.unread.channels.map {
                        [
                            "cid": .string($0.cid), "name": $0.name.map(JSONValue.string) ?? .null,
                            "members_with_unread": .int($0.members), "unread_messages": .int($0.messages),
                        ]
                    }
                ),
            ],
            "devices_by_provider": tallies(f.devicesByProvider),
            "bans": [
                "app_wide": .int(f.bans.appWide), "in_channels": .int(f.bans.inChannels),
                "future_channel_bans": .int(f.bans.futureChannelBans),
            ],
        ]
    }

    private static func reconciliation(_ rows: [ReconciliationRow]) -> JSONValue {
        .array(
            rows.map {
                [
                    "item": .string($0.item), "source": .int($0.source), "imported": .int($0.imported),
                    "difference": .int($0.difference), "reason": .string($0.reason),
                ]
            }
        )
    }

    private static func validation(_ v: ValidationFindings) -> JSONValue {
        [
            "file": .string(v.file), "valid": .bool(v.isValid), "error_count": .int(v.errorCount), "source": v.source.json,
            "errors_by_kind": .array(
                v.kinds.map { kind in
                    [
                        "item_type": .string(kind.itemType), "kind": .string(kind.kind), "count": .int(kind.count),
                        "examples": .array(
                            kind.examples.map {
                                ["line": $0.line.map(JSONValue.int) ?? .null, "error": .string($0.error), "item": .string($0.item)]
                            }
                        ),
                    ]
                }
            ),
            "reconciliation": reconciliation(v.reconciliation),
        ]
    }

    private static func conversion(_ c: ConversionFindings) -> JSONValue {
        [
            "source": .string(c.source), "changed_id_count": .int(c.changedIDCount), "changed_value_count": .int(c.changedValueCount),
            "placeholders": .int(c.placeholders), "expiring_links": .int(c.expiringLinks),
            "changed_ids": .array(
                c.changedIDs.map {
                    ["item_type": .string($0.itemType), "from": .string($0.from), "to": .string($0.to), "reason": .string($0.reason)]
                }
            ),
            "dropped": .array(
                c.dropped.map {
                    [
                        "item_type": .string($0.itemType), "field": .string($0.field), "count": .int($0.count),
                        "reason": .string($0.reason), "example": $0.example.map(JSONValue.string) ?? .null,
                    ]
                }
            ),
            "reconciliation": reconciliation(c.reconciliation),
        ]
    }
}
