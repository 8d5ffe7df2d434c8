import ChatModel

extension MigrationReport {
    /// The report's output formats.
    public enum Format: String, Sendable, CaseIterable {
        case text, markdown, html, json
    }

    /// The report in `format`. `color` adds ANSI colour to text (and is ignored by the others).
    public func rendered(as format: Format, color: Bool = false) -> String {
        switch format {
        case .text: TextRenderer(color: color).render(document)
        case .markdown: MarkdownRenderer().render(document)
        case .html: HTMLRenderer().render(document)
        case .json: JSONWriter(pretty: true).string(ReportJSON.make(self)) + "\n"
        }
    }
}
