import ArgumentParser
import ChatModel
import Foundation

/// Prints what validating an import file found (or why an import task failed): Stream's JSON
/// shape, or text with line numbers for people.
struct ValidationPrinter {
    var format: OutputFormat
    var stream: OutputStream = .standardOutput

    func printResult(_ result: ImportResult, file: String) {
        switch format {
        case .json:
            stream.write(JSONWriter(pretty: true).string(result.json) + "\n")
        case .text:
            if result.isValid {
                stream.write("\(terminalSafe(file)): valid. \(Self.summary(result.total))\n")
            } else {
                stream.write("\(terminalSafe(file)): \(errorCountText(result))\n")
                printIssues(result.errors)
                stream.write("items read: \(Self.summary(result.total))\n")
            }
        }
    }

    private func printIssues(_ issues: [ImportIssue]) {
        for issue in issues {
            let place = [issue.line.map { "line \($0)" }, issue.itemType.isEmpty ? nil : issue.itemType].compactMap { $0 }
            let prefix = place.isEmpty ? "" : place.joined(separator: " · ") + ": "
            stream.write("  " + prefix + terminalSafe(issue.error) + "\n")
            if !issue.item.isNull {
                stream.write("      " + terminalSafe(excerpt(JSONWriter().string(issue.item))) + "\n")
            }
        }
    }

    private func errorCountText(_ result: ImportResult) -> String {
        let shown =
            result.errors.count < result.errorCount ? " (showing the first \(result.errors.count); raise --max-errors for more)" : ""
        return "\(NumberText.grouped(result.errorCount)) error\(result.errorCount == 1 ? "" : "s")\(shown)"
    }

    private func excerpt(_ text: String, limit: Int = 160) -> String {
        text.count <= limit ? text : String(text.prefix(limit)) + "…"
    }

    /// `1 user, 2 devices, …`: every item type, in the file's order.
    static func summary(_ counts: ItemCounts) -> String {
        ItemType.allCases.map { type in
            let noun = counts[type] == 1 ? type.name : type.statsKey
            return "\(NumberText.grouped(counts[type])) \(noun.replacingOccurrences(of: "_", with: " "))"
        }.joined(separator: ", ")
    }
}
