import Foundation
import TOMLKit
import TerminalUI

/// The client's config file, `$XDG_CONFIG_HOME/chatterm/config.toml` (else
/// `~/.config/chatterm/config.toml`, or `--config PATH`). It holds what the client acts on
/// and nothing else: a key it does not know, a value of the wrong type or a key binding that
/// cannot be is an error naming the file, the line and the key, and the client does not start
/// with half of the file. Flags on the command line win over it.
struct ClientConfig {
    var theme: String?
    var timestamps: TimestampFormat?
    var maxWidth: Int?
    var keys = KeyMap.standard
    /// `hyperlinks = false`: URLs are plain text, not OSC 8 links.
    var hyperlinks: Bool?
    /// `mouse = false`: the terminal is never asked for mouse reports (as `--no-mouse`).
    var mouse: Bool?
    var notifications = NotificationSettings()
    /// The file this came from, or where it would be (no file at the default path): `/notify`
    /// writes there.
    var path: String?

    static let known = ["theme", "timestamps", "max-width", "hyperlinks", "mouse", "keys", "notifications"]
    static let widths = 20...1000

    static func defaultPath(environment: [String: String]) -> String {
        Theme.configDirectory(environment: environment) + "/config.toml"
    }

    /// The config at `path`; nil: the default path, where no file means no settings (a path
    /// given with --config must exist).
    static func load(path given: String?, environment: [String: String]) throws(ConfigError) -> ClientConfig {
        let path = given ?? defaultPath(environment: environment)
        guard let data = FileManager.default.contents(atPath: path) else {
            if given == nil, !FileManager.default.fileExists(atPath: path) { return ClientConfig(path: path) }
            throw ConfigError(path: path, line: nil, key: nil, message: "cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(path: path, line: nil, key: nil, message: "is not UTF-8 text")
        }
        return try parse(text, path: path)
    }

    static func parse(_ text: String, path: String) throws(ConfigError) -> ClientConfig {
        let lines = ConfigKeyLines(text)
        let fail = { (key: [String], message: String) in
            ConfigError(path: path, line: lines.line(of: key), key: key.joined(separator: "."), message: message)
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError(path: path, line: error.source.begin.line, key: nil, message: error.description)
        } catch {
            throw ConfigError(path: path, line: nil, key: nil, message: "\(error)")
        }
        var config = ClientConfig(path: path)
        for key in table.keys.sorted(by: { (lines.line(of: [$0]) ?? 0) < (lines.line(of: [$1]) ?? 0) }) {
            guard let value = table[key] else { continue }
            switch key {
            case "theme":
                guard let name = value.string, !name.isEmpty else { throw fail([key], expected("a theme name or file", value)) }
                config.theme = name
            case "timestamps":
                guard let name = value.string else { throw fail([key], expected("a string", value)) }
                guard let format = TimestampFormat(rawValue: name) else {
                    throw fail([key], "\"\(name)\" is not a format (\(TimestampFormat.names))")
                }
                config.timestamps = format
            case "max-width":
                guard let width = value.int else { throw fail([key], expected("a whole number of columns", value)) }
                guard widths.contains(width) else { throw fail([key], "\(width) is not within \(widths.lowerBound)…\(widths.upperBound)") }
                config.maxWidth = width
            case "hyperlinks":
                guard let on = value.bool else { throw fail([key], expected("true or false", value)) }
                config.hyperlinks = on
            case "mouse":
                guard let on = value.bool else { throw fail([key], expected("true or false", value)) }
                config.mouse = on
            case "keys":
                guard let keys = value.table else { throw fail([key], expected("a table of bindings", value)) }
                config.keys = try keyMap(keys, fail: fail)
            case "notifications":
                guard let table = value.table else { throw fail([key], expected("a table", value)) }
                config.notifications = try NotificationSettings.parse(table, fail: fail)
            default:
                throw fail([key], "unknown key (known: \(known.joined(separator: ", ")))")
            }
        }
        return config
    }

    /// `[keys]`: `command = "KEY"` or `["KEY", …]` for every mode, and `[keys.MODE]` tables of
    /// the same for one mode.
    private static func keyMap(_ table: TOMLTable, fail: ([String], String) -> ConfigError) throws(ConfigError) -> KeyMap {
        var map = KeyMap()
        let at = { (error: KeyMapError) in ["keys"] + [error.mode, error.command].compactMap { $0 } }
        for name in table.keys.sorted() {
            guard let value = table[name] else { continue }
            // A table is a mode's own bindings; anything else binds a command in every mode.
            var entries: [(mode: String?, command: String, keys: any TOMLValueConvertible)] = []
            if let modeTable = value.table {
                for command in modeTable.keys.sorted() {
                    if let keys = modeTable[command] { entries.append((name, command, keys)) }
                }
            } else {
                entries.append((nil, name, value))
            }
            for (mode, command, keys) in entries {
                let parsed = try parseKeys(keys, at: ["keys"] + [mode, command].compactMap { $0 }, fail: fail)
                do throws(KeyMapError) {
                    try map.rebind(command, to: parsed, inMode: mode)
                } catch {
                    throw fail(at(error), error.message)
                }
            }
        }
        if let conflict = map.conflict() { throw fail(at(conflict), conflict.message) }
        return map
    }

    private static func parseKeys(
        _ value: any TOMLValueConvertible,
        at key: [String],
        fail: ([String], String) -> ConfigError
    ) throws(ConfigError) -> [Key] {
        let names: [String]
        if let name = value.string {
            names = [name]
        } else if let array = value.array, array.allSatisfy({ $0.string != nil }) {
            names = array.compactMap { $0.string }
        } else {
            throw fail(key, expected("a key (\"Ctrl-K\") or a list of keys", value))
        }
        return try names.map { name throws(ConfigError) in
            guard let parsed = Key(name: name) else {
                throw fail(
                    key,
                    "\"\(name)\" is not a key (a character, Ctrl-X, Alt-X, F1…F12, Enter, Esc, Tab, Space, ↑ or Up, PgUp, Home…)"
                )
            }
            return parsed
        }
    }

    private static func expected(_ what: String, _ value: any TOMLValueConvertible) -> String {
        "\(what) is needed, found \(value.type)"
    }
}

/// A config file that cannot be used: which file, where in it, and why.
struct ConfigError: Error, CustomStringConvertible, Equatable {
    var path: String
    var line: Int?
    /// The key, dotted (`keys.select.quote`); nil for the file as a whole.
    var key: String?
    var message: String

    var description: String {
        "\(path)" + (line.map { ":\($0)" } ?? "") + ": " + (key.map { "\($0): " } ?? "") + message
    }
}
