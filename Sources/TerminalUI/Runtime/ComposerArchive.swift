import ChatCore
import Foundation

/// What was being written and what was sent, per channel, and which sidebar groups are
/// folded, kept across restarts: a JSON file
/// per user and server (`$XDG_STATE_HOME/chatterm/<server hash>/<user>.json`), read when the
/// client starts and written, whole and atomically, when it ends. A file that cannot be read
/// is moved aside with a notice: the client starts without it rather than not at all.
public struct ComposerArchive: Sendable {
    public let path: String

    /// The bounds of the file: channels kept (those with a draft or history), and bytes of
    /// text in all (the oldest sent lines go first past it).
    static let channelLimit = 200
    static let textBudget = 1 << 20

    public init(path: String) { self.path = path }

    /// The archive of `user` on the server or store `place` (a URL, or a name such as the
    /// demo's), under `$XDG_STATE_HOME/chatterm`, else `~/.local/state/chatterm`.
    public init(user: String, place: String, environment: [String: String]) {
        let base =
            environment["XDG_STATE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/state"
        // A user id may hold any character; the file name holds only safe ones, and the hash tells apart ids that differ elsewhere.
        let safeUser = String(user.map { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.@".contains($0)) ? $0 : "_" }.prefix(64))
        path = "\(base)/chatterm/\(Self.hash(place))/\(safeUser)-\(Self.hash(user).prefix(8)).json"
    }

    /// One channel's line and history as the file holds them.
    struct Entry: Codable, Equatable {
        var draft: String
        var history: [String]
    }

    struct File: Codable {
        var version = 1
        var channels: [String: Entry]
        /// The folded sidebar groups by name (`pinned`, `direct`…); nil in a file written before
        /// groups folded, which leaves the client's default.
        var folded: [String]?
    }

    /// The drafts kept, by channel id, the folded groups (nil: none kept), and a notice when
    /// the file was damaged (it is then moved aside to `<path>.damaged`). No file: nothing kept yet.
    public func load() -> (drafts: [String: Composer], folded: Set<ChatReducer.SidebarGroup>?, notice: String?) {
        guard let data = FileManager.default.contents(atPath: path) else { return ([:], nil, nil) }
        do {
            let file = try JSONDecoder().decode(File.self, from: data)
            guard file.version == 1 else { throw CocoaError(.fileReadCorruptFile) }
            // A name this version does not know (a group of a later one) is left out.
            let folded = file.folded.map { names in Set(ChatReducer.SidebarGroup.allCases.filter { names.contains("\($0)") }) }
            return (file.channels.mapValues { Composer($0.draft, history: $0.history) }, folded, nil)
        } catch {
            try? FileManager.default.removeItem(atPath: path + ".damaged")
            try? FileManager.default.moveItem(atPath: path, toPath: path + ".damaged")
            return ([:], nil, "Drafts and history not restored: \(path) could not be read (kept as \(path).damaged)")
        }
    }

    /// `state` with the kept drafts waiting for their channels (each comes back when its
    /// channel opens, the first one too), the sidebar folded as it was, and the notice, if any.
    public func restore(into state: inout ChatState) {
        let (drafts, folded, notice) = load()
        state.drafts.merge(drafts) { current, _ in current }
        if let folded { state.foldedGroups = folded }
        if let notice { state.notice = notice }
    }

    /// Writes the drafts and histories of `state`, the open channel's included, within the
    /// bounds, and its folded groups, to a new file that then replaces the old one.
    public func save(_ state: ChatState) throws {
        let folded = ChatReducer.SidebarGroup.allCases.filter(state.foldedGroups.contains).map { "\($0)" }
        let data = try JSONEncoder().encode(File(channels: Self.entries(of: state), folded: folded))
        let directory = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(
            atPath: directory,
            withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700]
        )
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// Each channel's line (not an edit's: that is the old message's text; the line written
    /// before the edit began) and history, empty ones left out, within `channelLimit` and
    /// `textBudget`.
    static func entries(of state: ChatState) -> [String: Entry] {
        var composers = state.drafts
        if let cid = state.openCID {
            if case .editing = state.draft {
                composers[cid] = Composer(state.draftBeforeEdit, history: state.composer.history)
            } else {
                composers[cid] = state.composer
            }
        }
        var entries = composers.mapValues { Entry(draft: $0.string, history: $0.history) }.filter {
            !$0.value.draft.isEmpty || !$0.value.history.isEmpty
        }
        // Past the limit, the channels with the least kept go first.
        if entries.count > channelLimit {
            let ranked = entries.sorted { ($0.value.history.count, $0.key) > ($1.value.history.count, $1.key) }
            entries = Dictionary(uniqueKeysWithValues: ranked.prefix(channelLimit).map { ($0.key, $0.value) })
        }
        var size = entries.values.reduce(0) { $0 + $1.draft.utf8.count + $1.history.reduce(0) { $0 + $1.utf8.count } }
        while size > textBudget, let cid = entries.max(by: { ($0.value.history.count, $0.key) < ($1.value.history.count, $1.key) })?.key,
            let oldest = entries[cid]?.history.first
        {
            entries[cid]?.history.removeFirst()
            size -= oldest.utf8.count
        }
        return entries
    }

    /// FNV-1a, 64 bits, in hex: a stable name for a place (Swift's `hashValue` changes per run).
    static func hash(_ text: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
