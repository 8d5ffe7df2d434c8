import ArgumentParser
import ChatImport
import Foundation
import Report

extension MigrationReport.Format: ExpressibleByArgument {}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "A migration report for stakeholders: what the store holds, and what an import file's check found.",
        discussion: """
            Every figure comes from the store through SQL aggregates: totals per item type, channels, members, \
            messages over time, busiest channels and users, threads, reactions, polls and votes, attachments (and \
            their expiring or non-https URLs), deleted, pinned and system messages, messages visible to some users \
            only (restricted_visibility) or mentioning @here, @channel or roles, unread state, devices and bans. \
            With --import, \
            the file is validated (errors by kind, with examples) and its counts are reconciled with the store's. \
            With --source KIND EXPORT (chatkit, slack or mattermost; --chatkit EXPORT is --source chatkit EXPORT), the \
            export is converted (into nothing: no file is written) and the conversion's report becomes its own \
            section: ids changed, values changed or dropped, every record of the export accounted for. \
            text: tables and charts for the terminal (colour on a terminal unless NO_COLOR is set); markdown: tables \
            for a ticket; html: one self-contained page with SVG charts, for a projector or print; json: every figure.
            """
    )

    @Option(name: .customLong("import"), help: ArgumentHelp("An import file to validate and reconcile with the store.", valueName: "file"))
    var importFile: String?

    @Option(
        help: ArgumentHelp(
            "A Chatkit export (directory or bundle file): the conversion's findings (ids changed, values dropped, every record accounted for).",
            valueName: "export"
        )
    )
    var chatkit: String?

    @Option(help: ArgumentHelp("The kind of EXPORT (chatkit, slack or mattermost): the conversion's findings.", valueName: "kind"))
    var source: SourceKind?

    @Argument(help: ArgumentHelp("The export --source names.", valueName: "export"))
    var export: String?

    @Option(help: "text, markdown, html or json.")
    var format: MigrationReport.Format = .text

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp("Write the report to this file instead of standard output (- is standard output).", valueName: "file")
    )
    var output: String?

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if chatkit != nil && (source != nil || export != nil) {
            throw ValidationError("give --chatkit EXPORT or --source KIND EXPORT, not both")
        }
        if (source == nil) != (export == nil) {
            throw ValidationError("--source KIND needs the EXPORT after it (and EXPORT needs --source)")
        }
    }

    func run() throws {
        let chatStore = try store.open(.read)
        let report: MigrationReport
        let target =
            chatkit.map { (kind: SourceKind.chatkit, path: $0) } ?? source.flatMap { kind in export.map { (kind: kind, path: $0) } }
        do {
            // The export is converted again, into nothing: only its report is kept.
            let conversion = try target.map { ConversionFindings(report: try $0.kind.open($0.path).report()) }
            report = try MigrationReport.make(store: chatStore, importFile: importFile, conversion: conversion)
        } catch let error as ExportError {
            throw failure("cannot read the \(target?.kind.title ?? "") export: \(error)", code: 2)
        }
        let environment = ProcessInfo.processInfo.environment
        let toFile = output.flatMap { $0 == "-" ? nil : $0 }
        let color = toFile == nil && OutputStream.standardOutput.isTerminal && (environment["NO_COLOR"] ?? "").isEmpty
        let text = report.rendered(as: format, color: color)
        if let output = toFile {
            do {
                try text.write(toFile: output, atomically: true, encoding: .utf8)
            } catch {
                throw failure("cannot write \(output): \(CommandFailure.fileReason(error))", code: 2)
            }
        } else {
            OutputStream.standardOutput.write(text)
        }
    }
}
