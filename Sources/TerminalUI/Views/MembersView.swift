import ChatCore
import ChatModel

/// The members of the open channel, by name, moderators and deactivated users marked.
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
            // The marks stay in view: a long name is cut first.
            let marks =
                (row.member.channelRole == "channel_moderator" ? " ★" : "") + (row.user.deactivatedAt == nil ? "" : " (deactivated)")
            let style = context.theme.usernameStyle(for: row.user.id)
            let room = rect.width - 1 - DisplayWidth.of(marks)
            let used = frame.put(
                context.text(row.user.displayName, singleLine: true),
                x: rect.x + 1,
                y: rect.y + 1 + i,
                maxWidth: max(1, room),
                ellipsis: true,
                style: style
            )
            frame.put(context.label(marks), x: rect.x + 1 + used, y: rect.y + 1 + i, maxWidth: rect.width - 1 - used, style: style)
        }
    }
}
