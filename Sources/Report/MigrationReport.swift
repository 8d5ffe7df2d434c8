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

    /// The report on `store`, validating `importFile` against it when given, with the findings
    /// of a conversion when given (`ConversionFindings(chatkit:)` makes them from a Chatkit export's).
    public static func make(
        store: ChatStore,
        importFile: String? = nil,
        conversion: ConversionFindings? = nil,
        now: Timestamp = .now()
    ) throws -> MigrationReport {
        let figures = try store.migrationFigures()
        let validation = try importFile.map { try ValidationFindings.make(file: $0, store: store, imported: figures.totals) }
        return MigrationReport(store: store.path, generatedAt: now, figures: figures, validation: validation, conversion: conversion)
    }
}
