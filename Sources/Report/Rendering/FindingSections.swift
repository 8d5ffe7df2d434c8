/// The findings about the files the report was given, as report sections.
enum FindingSections {
    typealias Doc = ReportDocument
    private static let n = ReportNumber.count

    /// `result` names the second count: what the store holds, or what a conversion wrote.
    static func reconciliation(_ rows: [ReconciliationRow], result: String = "imported") -> Doc.Table {
        Doc.Table(
            headers: ["item", "source", result, "difference", "reason"],
            rows: rows.map { [$0.item, n($0.source), n($0.imported), $0.differenceText, $0.reason] },
            numeric: [1, 2, 3]
        )
    }

    static func validation(_ v: ValidationFindings) -> Doc.Section {
        var blocks: [Doc.Block] = [
            .facts([
                ("file", v.file), ("items in the file", n(v.source.total)),
                ("errors", v.isValid ? "none: the file is valid" : n(v.errorCount)),
            ])
        ]
        if !v.kinds.isEmpty {
            blocks.append(
                .table(
                    Doc.Table(
                        headers: ["errors", "item", "kind", "first example"],
                        rows: v.kinds.map { kind in
                            let example =
                                kind.examples.first.map { e in
                                    [e.line.map { "line \($0)" }, e.item].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
                                } ?? ""
                            return [n(kind.count), kind.itemType, kind.kind, example]
                        },
                        numeric: [0]
                    )
                )
            )
        }
        blocks.append(.table(reconciliation(v.reconciliation)))
        return Doc.Section(title: "Validation and reconciliation", blocks: blocks)
    }

    static func conversion(_ c: ConversionFindings) -> Doc.Section {
        var blocks: [Doc.Block] = [
            .facts([
                ("export", c.source), ("ids changed", n(c.changedIDCount)), ("values changed or dropped", n(c.changedValueCount)),
                ("placeholder users and rooms", n(c.placeholders)), ("attachment links to re-host", n(c.expiringLinks)),
            ])
        ]
        if !c.changedIDs.isEmpty {
            blocks.append(
                .table(
                    Doc.Table(
                        headers: ["item", "from", "to", "why"],
                        rows: c.changedIDs.map { [$0.itemType, $0.from, $0.to, $0.reason] },
                        numeric: []
                    )
                )
            )
        }
        if !c.dropped.isEmpty {
            blocks.append(
                .table(
                    Doc.Table(
                        headers: ["record", "field", "count", "what and why", "example"],
                        rows: c.dropped.map { [$0.itemType, $0.field, n($0.count), $0.reason, $0.example ?? ""] },
                        numeric: [2]
                    )
                )
            )
        }
        if !c.reconciliation.isEmpty { blocks.append(.table(reconciliation(c.reconciliation, result: "converted"))) }
        return Doc.Section(title: "Conversion", blocks: blocks)
    }
}

extension MigrationReport {
    /// The report laid out for people (see `ReportDocument`).
    var document: ReportDocument {
        var sections = StoreSections.make(figures)
        if let conversion { sections.append(FindingSections.conversion(conversion)) }
        if let validation { sections.append(FindingSections.validation(validation)) }
        return ReportDocument(
            title: "Migration report",
            subtitle: ["store: \(store)", "generated: \(generatedAt.rfc3339)"],
            sections: sections
        )
    }
}
