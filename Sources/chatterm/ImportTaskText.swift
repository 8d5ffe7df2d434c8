import ChatModel

/// Import tasks for people (`import`, `imports`, `chatkit migrate` without `--format json`):
/// the JSON has the same facts in Stream's shape.
enum ImportTaskText {
    /// How long `Timestamp.rfc3339` is with nine digits of fraction (`2026-12-07T16:26:53.937742004Z`).
    static let longestTime = 30

    /// One line per task: id, state, when, file.
    static func line(_ task: ImportTask) -> String {
        // RFC 3339 drops a fraction's trailing zeros: padded to its longest, the paths line up.
        let created = task.createdAt.rfc3339.padding(toLength: Self.longestTime, withPad: " ", startingAt: 0)
        return
            "\(task.id)  \(task.state.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0))  \(created)  \(terminalSafe(task.path))\n"
    }

    /// The task, its counts and (with `errors`) its first errors, a few lines.
    static func details(_ task: ImportTask, errors showErrors: Bool = true) -> String {
        var out = "import task \(task.id): \(task.state.rawValue)\n"
        out += "  file: \(terminalSafe(task.path))" + (task.size.map { " (\(NumberText.grouped(Int($0))) bytes)" } ?? "") + "\n"
        out += "  mode: \(task.mode.rawValue), created \(task.createdAt.rfc3339), updated \(task.updatedAt.rfc3339)\n"
        let result = task.result?.objectValue
        let stats = result?["stats"]?.objectValue
        for (key, label) in [("total", "read"), ("imported", "written"), ("skipped", "skipped")] {
            guard let counts = stats?[key]?.objectValue else { continue }
            var itemCounts = ItemCounts()
            for type in ItemType.allCases { itemCounts[type] = counts[type.statsKey]?.intValue ?? 0 }
            out += "  \(label): \(ValidationPrinter.summary(itemCounts))\n"
        }
        guard showErrors else { return out }
        let errors = result?["errors"]?.arrayValue ?? []
        let count = result?["error_count"]?.intValue ?? errors.count
        if count > 0 {
            out +=
                "  \(NumberText.grouped(count)) error\(count == 1 ? "" : "s")"
                + (errors.count < count ? ", the first \(errors.count):" : ":") + "\n"
        }
        for error in errors {
            let o = error.objectValue
            let type = o?["item_type"]?.stringValue ?? ""
            out += "    " + (type.isEmpty ? "" : type + ": ") + terminalSafe(o?["error"]?.stringValue ?? "") + "\n"
        }
        return out
    }
}
