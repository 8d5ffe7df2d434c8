import ChatCore
import ChatModel

/// The members of the open channel, by name, moderators marked.
enum MembersView {
    static func draw(_ state: ChatState, in rect: Rect, frame: inout Frame, context: RenderContext) {
        frame.put(
            context.label("MEMBERS (\(state.members.count))"),
            x: rect.x + 1,
            y: rect.y,
            maxWidth: rect.width - 1,
            style: context.style("sidebar.header")
        )
        for (i, row) in state.members.prefix(max(0, rect.height - 1)).enumerated() {
            let role = row.member.channelRole == "channel_moderator" ? " ★" : ""
            frame.put(
                context.text(row.user.displayName + role, singleLine: true),
                x: rect.x + 1,
                y: rect.y + 1 + i,
                maxWidth: rect.width - 1,
                style: context.theme.usernameStyle(for: row.user.id)
            )
        }
    }
}
