/// What a click or a turn of the wheel asks for, once the terminal's hit map has said what was
/// under the pointer. Unlike a key, it does not go to the top mode only: the pointer names its
/// pane or item itself, so a click beside an open overlay acts where it lands.
public enum PointerAction: Sendable, Equatable {
    /// A channel row of the sidebar: opens it, the sidebar staying where it was scrolled.
    case openChannel(cid: String)
    /// The sidebar's threads line: the threads list, over whatever was open.
    case openThreads
    /// A group's heading: folds or unfolds it.
    case toggleGroup(ChatReducer.SidebarGroup)
    /// A message in a pane: message-select mode on it, the pane focused.
    case select(Focus, messageID: String)
    /// A reaction chip: adds one's own reaction of that type, or takes it back.
    case toggleReaction(messageID: String, type: String)
    /// The wheel over the channel's messages: positive goes back in time.
    case scrollMessages(Int)
    /// The wheel over the sidebar: its first row shown from now on.
    case scrollSidebar(toRow: Int)
    /// The wheel over the thread: how many lines its bottom is above the newest reply.
    case scrollThread(toLine: Int)
}
