/// A resolved colour theme: one `Style` for every documented attribute (`Theme.attributes`).
///
/// Inheritance: each of an attribute's three properties (foreground, background, style flags)
/// that no file sets comes from its parent (`reaction.mine` → `reaction` → `default`); what
/// `default` leaves unset is the terminal's own colours with no flags. Files are layered before
/// inheritance, so an override file's `reaction.bg` also reaches `reaction.mine`.
public struct Theme: Equatable, Sendable {
    public let name: String
    private var styles: [String: Style]

    /// Resolves `settings` (documented names only; the parser guarantees that) into styles.
    init(name: String, settings: [String: PartialStyle]) {
        self.name = name
        var styles: [String: Style] = [:]
        for attribute in Self.attributes {
            // Walk up to `default`; the nearest attribute that sets a property wins it.
            var resolved = PartialStyle()
            var next: String? = attribute.name
            while let current = next {
                if let set = settings[current] { resolved = set.overlaid(by: resolved) }
                next = ThemeAttribute.parentName(of: current)
            }
            styles[attribute.name] = Style(
                foreground: resolved.foreground ?? .terminalDefault,
                background: resolved.background ?? .terminalDefault,
                attributes: resolved.attributes ?? []
            )
        }
        self.styles = styles
    }

    /// The style for a documented attribute name.
    ///
    /// Asking for an undocumented name is a renderer bug, not a user error (theme files are
    /// checked when they load), so debug builds stop here; release builds fall back to the
    /// nearest documented ancestor, ultimately `default`, rather than crash in front of a user.
    public func style(_ attributeName: String) -> Style {
        if let style = styles[attributeName] { return style }
        assertionFailure("'\(attributeName)' is not in Theme.attributes; document it there first")
        var name = attributeName
        while styles[name] == nil { name = ThemeAttribute.parentName(of: name) ?? Self.rootAttributeName }
        return styles[name] ?? Style()
    }

    /// The style of `username.N` for this user, N picked by `usernameBucket(for:)`.
    public func usernameStyle(for userID: String) -> Style {
        style("username.\(Self.usernameBucket(for: userID))")
    }

    /// FNV-1a (64-bit) of the id's UTF-8 bytes, modulo the bucket count. A user keeps the same
    /// colour across runs and machines, which Swift's `hashValue` (seeded per process) can't give.
    static func usernameBucket(for userID: String) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in userID.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return Int(hash % UInt64(usernameBucketCount))
    }

    /// The same theme with `transform` applied to every style (colour depth, NO_COLOR).
    func mapStyles(_ transform: (Style) -> Style) -> Theme {
        var copy = self
        copy.styles = styles.mapValues(transform)
        return copy
    }
}
