import ArgumentParser
import ChatModel
import Foundation

/// How `chatterm validate` prints what it found.
enum ValidationFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Prints what validating an import file found (or why an import task failed): Stream's JSON
/// shape, or text with line numbers for people.
struct ValidationPrinter {
    var format: ValidationFormat
    var stream: OutputStream = .standardOutput

    func printResult(_ result: ImportResult, file: String) {
        switch format {
        case .json:
            stream.write(JSONWriter(pretty: true).string(result.json) + "\n")
        case .text:
            if result.isValid {
                stream.write("\(terminalSafe(file)): valid. \(summary(result.total))\n")
            } else {
                stream.write("\(terminalSafe(file)): \(errorCountText(result))\n")
                printIssues(result.errors)
                stream.write("items read: \(summary(result.total))\n")
            }
        }
    }

    /// The errors of a failed import task, for standard error.
    func printErrors(from task: ImportTask) {
        let errors = task.result?.objectValue?["errors"]?.arrayValue ?? []
        stream.write("chatterm: import failed, nothing was written. \(errors.count) error(s) reported:\n")
        printIssues(
            errors.compactMap { value -> ImportIssue? in
                guard let o = value.objectValue else { return nil }
                return ImportIssue(
                    error: o["error"]?.stringValue ?? "",
                    itemType: o["item_type"]?.stringValue ?? "",
                    item: o["item"] ?? .null,
                    line: nil
                )
            }
        )
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
        return "\(result.errorCount) error\(result.errorCount == 1 ? "" : "s")\(shown)"
    }

    private func excerpt(_ text: String, limit: Int = 160) -> String {
        text.count <= limit ? text : String(text.prefix(limit)) + "…"
    }

    private func summary(_ counts: ItemCounts) -> String {
        ItemType.allCases.map { "\(counts[$0]) \($0.statsKey.replacingOccurrences(of: "_", with: " "))" }.joined(separator: ", ")
    }
}
