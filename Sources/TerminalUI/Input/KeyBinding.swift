import ChatCore

/// One line of a mode's key table: the keys, how the help writes them, what they do.
public struct KeyBinding: Sendable {
    public let keys: [Key]
    /// How the help writes the keys.
    public let label: String
    public let help: String
    public let command: AppCommand
    /// The status bar's words for it while its mode is on top ("Enter send"); nil: not hinted.
    public let hint: String?
    /// A key that means two things in one mode (↑ with or without text in the composer) has
    /// a binding for each, with the condition; the first that holds answers.
    let applies: (@Sendable (ChatState) -> Bool)?

    init(
        _ keys: [Key],
        _ label: String,
        _ help: String,
        _ command: AppCommand,
        hint: String? = nil,
        when applies: (@Sendable (ChatState) -> Bool)? = nil
    ) {
        self.keys = keys
        self.label = label
        self.help = help
        self.command = command
        self.hint = hint
        self.applies = applies
    }

    init(
        _ keys: [Key],
        _ label: String,
        _ help: String,
        _ event: ChatEvent,
        hint: String? = nil,
        when applies: (@Sendable (ChatState) -> Bool)? = nil
    ) {
        self.init(keys, label, help, .chat(event), hint: hint, when: applies)
    }

    /// Whether this binding takes `key` in `state` (its condition, if any, holds).
    public func answers(_ key: Key, in state: ChatState) -> Bool {
        keys.contains(key) && applies?(state) ?? true
    }
}

/// What text does in a mode that takes it (the composer, a picker's query): a printable key
/// or a whole paste, when no binding takes the key.
public struct KeyTyping: Sendable {
    public let label: String
    public let help: String
    let event: @Sendable (String) -> ChatEvent
}
