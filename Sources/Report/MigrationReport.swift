import ChatModel
import ChatStore

/// Everything a migration report shows: the store's figures, and the findings of the files
/// it was given. Renderers turn it into text, Markdown, HTML or JSON.
public struct MigrationReport: Sendable, Hashable {
    /// The store the figures are about.
    public var store: String
    public var generatedAt: Timestamp
    public var figures: MigrationFigures
    /// With `--import FILE`: the validator's findings and the file-versus-store reconciliation.
    public var validation: ValidationFindings?
    /// With `--chatkit EXPORT`: what the conversion changed or dropped.
    public var conversion: ConversionFindings?

    public init(
        store: String,
        generatedAt: Timestamp,
        figures: MigrationFigures,
        validation: ValidationFindings? = nil,
        conversion: ConversionFindings? = nil
    ) {
        self.store = store
        self.generatedAt = generatedAt
        self.figures = figures
        self.validation = validation
        self.conversion = conversion
    }

    /// Rows in the "busiest" and "unread per channel" lists.
    public static let topCount = 10

    /// The report on `store`, validating `importFile` against it when given, with the findings
    /// of a conversion when given (`ConversionFindings(chatkit:)` makes them from a Chatkit export's).
    public static func make(
        store: ChatStore,
        importFile: String? = nil,
        conversion: ConversionFindings? = nil,
        now: Timestamp = .now()
    ) throws -> MigrationReport {
        let figures = try figures(of: store)
        let validation = try importFile.map { try ValidationFindings.make(file: $0, store: store, imported: figures.totals) }
        return MigrationReport(store: store.path, generatedAt: now, figures: figures, validation: validation, conversion: conversion)
    }

    /// Every figure, in one read snapshot so they add up. Each is an SQL aggregate; no message is loaded.
    public static func figures(of store: ChatStore, top: Int = topCount) throws -> MigrationFigures {
        try store.readSnapshot { db in
            var f = MigrationFigures()
            f.totals = try ChatStore.counts(db)
            f.channelsByType = try ChannelFigures.channelsByType(db)
            f.members = try ChannelFigures.members(db)
            let (messages, days) = try MessageFigures.days(db)
            f.messages = messages
            f.timeline = TimelineBuckets.make(days: days)
            f.busiestChannels = try ChannelFigures.busiest(db, limit: top)
            f.busiestUsers = try MessageFigures.busiestUsers(db, limit: top)
            f.threads = try MessageFigures.threads(db)
            f.reactionsByType = try ChannelFigures.reactionsByType(db)
            f.attachments = try MessageFigures.attachments(db)
            f.unread = try ChatStore.unreadFigures(db, limit: top)
            f.devicesByProvider = try ChannelFigures.devicesByProvider(db)
            f.bans = try ChannelFigures.bans(db)
            return f
        }
    }
}
