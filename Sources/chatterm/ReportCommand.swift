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
            messages over time, busiest channels and users, threads, reactions, attachments (and their expiring or \
            non-https URLs), deleted, pinned and system messages, unread state, devices and bans. With --import, \
            the file is validated (errors by kind, with examples) and its counts are reconciled with the store's. \
            With --chatkit, the export is converted (into nothing: no file is written) and the conversion's report \
            becomes its own section: ids changed, values changed or dropped, every Chatkit record accounted for. \
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

    @Option(help: "text, markdown, html or json.")
    var format: MigrationReport.Format = .text

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp("Write the report to this file instead of standard output (- is standard output).", valueName: "file")
    )
    var output: String?

    @OptionGroup var store: StoreOptions

    func run() throws {
        let chatStore = try store.open(.read)
        let report: MigrationReport
        do {
            // The export is converted again, into nothing: only its report is kept.
            let conversion = try chatkit.map { try ConversionFindings(chatkit: ChatkitConverter.report(export: URL(fileURLWithPath: $0))) }
            report = try MigrationReport.make(store: chatStore, importFile: importFile, conversion: conversion)
        } catch let error as ChatkitExportError {
            throw failure("cannot read the Chatkit export: \(error)", code: 2)
        }
        let environment = ProcessInfo.processInfo.environment
        let toFile = output.flatMap { $0 == "-" ? nil : $0 }
        let color = toFile == nil && OutputStream.standardOutput.isTerminal && (environment["NO_COLOR"] ?? "").isEmpty
        let text = report.rendered(as: format, color: color)
        if let output = toFile {
            do {
                try text.write(toFile: output, atomically: true, encoding: .utf8)
            } catch {
                throw failure("cannot write \(output): \(error.localizedDescription)", code: 2)
            }
        } else {
            OutputStream.standardOutput.write(text)
        }
    }
}
