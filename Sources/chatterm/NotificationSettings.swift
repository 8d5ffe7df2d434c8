import ChatCore
import TOMLKit
import TerminalUI

/// The config's `[notifications]`: how new messages are told (`method`, `bell`, `notify-send`)
/// and what each channel tells of (`[notifications.channels]`, `"type:id" = "all"|"mentions"|"none"`;
/// `/notify` writes there, `NotificationLevelWriter`).
struct NotificationSettings: Equatable {
    var output = NotificationOutput()
    var levels: [String: NotificationLevel] = [:]

    static let known = ["method", "bell", "notify-send", "channels"]

    static func parse(_ table: TOMLTable, fail: ([String], String) -> ConfigError) throws(ConfigError) -> NotificationSettings {
        var settings = NotificationSettings()
        let at = { (key: String) in ["notifications", key] }
        for key in table.keys.sorted() {
            guard let value = table[key] else { continue }
            switch key {
            case "method":
                guard let name = value.string else { throw fail(at(key), "a string is needed, found \(value.type)") }
                guard let method = NotificationOutput.Method(rawValue: name) else {
                    throw fail(at(key), "\"\(name)\" is not a method (\(NotificationOutput.Method.names))")
                }
                settings.output.method = method
            case "bell", "notify-send":
                guard let on = value.bool else { throw fail(at(key), "true or false is needed, found \(value.type)") }
                if key == "bell" { settings.output.bell = on } else { settings.output.notifySend = on }
            case "channels":
                guard let channels = value.table else {
                    throw fail(at(key), "a table of \"type:id\" = level is needed, found \(value.type)")
                }
                for cid in channels.keys.sorted() {
                    let name = channels[cid]?.string
                    guard cid.contains(":") else { throw fail(at(key) + [cid], "a channel is named \"type:id\" (\"messaging:general\")") }
                    guard let level = name.flatMap(NotificationLevel.init(rawValue:)) else {
                        throw fail(at(key) + [cid], "one of \(NotificationLevel.names) is needed")
                    }
                    settings.levels[cid] = level
                }
            default:
                throw fail(at(key), "unknown key (known: \(known.joined(separator: ", ")))")
            }
        }
        return settings
    }
}
