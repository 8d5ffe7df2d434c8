import ChatCore

/// What a key does besides changing the chat state.
public enum AppCommand: Sendable {
    case chat(ChatEvent)
    case quit
    case redraw
}
