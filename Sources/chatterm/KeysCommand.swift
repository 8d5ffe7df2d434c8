import ArgumentParser
import TerminalUI

/// `chatterm keys`: the key bindings in effect, per mode, from the same tables the client's
/// help and keys use, with the config's rebindings.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Print the client's key bindings in effect, per mode, with your config's [keys].",
        discussion: """
            Each line: the command's name (what [keys] and [keys.MODE] in the config rebind), its keys, \
            and what it does. `chat` is the composer's mode with a server, `browse` reading a store.
            """
    )

    @OptionGroup var configOption: ConfigOption

    func run() throws {
        let config = try configOption.load()
        print(Self.text(keys: config.keys), terminator: "")
    }

    /// Every mode once (select as with a server, where it has more), in the help's order.
    static func text(keys: KeyMap) -> String {
        var seen = Set<String>()
        var out = ""
        for table in KeyTable.all(live: true, keys: keys) + KeyTable.all(live: false, keys: keys) {
            let mode = KeyMap.modeName(of: table) ?? table.title
            guard seen.insert(mode).inserted else { continue }
            out += "[\(mode)] \(table.title)\n"
            let rows = table.bindings.map { ($0.name ?? "-", $0.label, $0.help) }
            let nameWidth = rows.map { $0.0.count }.max() ?? 0
            let keyWidth = rows.map { $0.1.count }.max() ?? 0
            for (name, label, help) in rows {
                out += "  " + pad(name, nameWidth) + "  " + pad(label, keyWidth) + "  " + help + "\n"
            }
            out += "\n"
        }
        return out
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}
