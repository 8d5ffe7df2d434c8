import ChatCore
import Foundation

/// `/notify`'s write-back: one channel's level set in config.toml by editing lines in place, so
/// the comments, the order and every other setting stay as the reader wrote them. The key is
/// changed where it is written (`[notifications.channels]`, or a dotted key); a new one goes
/// after the last channel's line, or into a `[notifications.channels]` table added at the end.
/// The result is read back before it replaces the file: an edit the config would refuse, or
/// that would not say this level, is not written.
enum NotificationLevelWriter {
    struct Refused: Error, CustomStringConvertible {
        var description: String
    }

    static let table = ["notifications", "channels"]

    /// Sets `cid` to `level` in the file at `path` (made, with its folder, when missing) and
    /// answers the path.
    static func save(cid: String, level: NotificationLevel, path: String) throws -> String {
        let old = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let new = try edit(old, cid: cid, level: level, path: path)
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        // Whole or not at all: a crash mid-write must not leave half a config.
        let temporary = path + ".chatterm-\(getpid())"
        try Data(new.utf8).write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw Refused(description: "cannot replace \(path): \(reason)")
        }
        return path
    }

    /// `text` with `cid`'s level set to `level`.
    static func edit(_ text: String, cid: String, level: NotificationLevel, path: String = "config.toml") throws -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        let value = "\"\(level.rawValue)\""
        let entries = ConfigKeyLines(text).entries.map { (path: $0.path, index: $0.line - 1) }
        let isHeader = { (index: Int) in lines[index].drop { $0 == " " || $0 == "\t" }.hasPrefix("[") }
        let header = entries.first { $0.path == table && isHeader($0.index) }?.index
        let channels = entries.filter { $0.path.count == 3 && Array($0.path.prefix(2)) == table && !isHeader($0.index) }
        let found = channels.last { $0.path[2] == cid }?.index
        // The table the last channel's line is written in: its full key less the line's own.
        let lastChannel = channels.last.map { entry in
            let line = Substring(lines[entry.index]).drop { $0 == " " || $0 == "\t" }
            let own = ConfigKeyLines.assignment(in: line).map { ConfigKeyLines.path(line[..<$0]) } ?? []
            return (line: entry.index, within: Array(entry.path.prefix(entry.path.count - own.count)))
        }
        if let found {
            lines[found] = replacingValue(of: lines[found], with: value)
        } else if let (line, within) = lastChannel {
            let written = Array((table + [cid]).dropFirst(within.count))
            lines.insert(keyText(written) + " = " + value, at: line + 1)
        } else if let header {
            lines.insert(keyText([cid]) + " = " + value, at: header + 1)
        } else {
            if let last = lines.last, !last.isEmpty { lines.append("") }
            lines += ["[" + table.joined(separator: ".") + "]", keyText([cid]) + " = " + value]
        }
        let result = lines.joined(separator: "\n") + "\n"
        let config: ClientConfig
        do {
            config = try ClientConfig.parse(result, path: path)
        } catch {
            throw Refused(description: "\(path) would not read back after the change (\(error)); set it by hand")
        }
        guard config.notifications.levels[cid] == level else {
            throw Refused(description: "\(path) says \(cid)'s level in a way /notify cannot change; set it by hand")
        }
        return result
    }

    /// The line with its value replaced; its key, spacing and a comment after the value kept.
    private static func replacingValue(of line: String, with value: String) -> String {
        let text = Substring(line)
        guard let equals = ConfigKeyLines.assignment(in: text) else { return line }
        let rest = text[text.index(after: equals)...]
        let spaces = rest.prefix { $0 == " " || $0 == "\t" }
        let old = rest.dropFirst(spaces.count)
        var end = old.endIndex
        if let quote = old.first, quote == "\"" || quote == "'" {
            end = old.dropFirst().firstIndex(of: quote).map { old.index(after: $0) } ?? old.endIndex
        } else if let comment = old.firstIndex(of: "#") {
            end = comment
        }
        let tail = old[end...]
        return String(text[...equals]) + (spaces.isEmpty ? " " : String(spaces)) + value + (tail.first == "#" ? " " : "") + tail
    }

    /// A dotted key with every part quoted: `"messaging:general"`, `channels."messaging:general"`.
    private static func keyText(_ parts: [String]) -> String {
        parts.map { part in
            part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
                ? part : "\"" + part.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
        }.joined(separator: ".")
    }
}
