/// A report laid out once, for every human format: sections of key figures, tables and charts.
/// The text, Markdown and HTML renderers only draw it, so they show the same figures in the
/// same order. Every string in it may come from the data and is escaped by the renderer.
struct ReportDocument {
    struct Table {
        var headers: [String]
        var rows: [[String]]
        /// Columns drawn right-aligned.
        var numeric: Set<Int>
    }

    struct Chart {
        enum Kind { case bars, timeline }
        var kind: Kind
        var title: String
        var points: [(label: String, value: Int)]
        var max: Int { points.map(\.value).max() ?? 0 }
    }

    enum Block {
        /// Key figures: a label and its value.
        case facts([(label: String, value: String)])
        case table(Table)
        case chart(Chart)
        case note(String)
    }

    struct Section {
        var title: String
        var blocks: [Block]
    }

    var title: String
    /// Lines under the title (the store, the time).
    var subtitle: [String]
    var sections: [Section]
}
