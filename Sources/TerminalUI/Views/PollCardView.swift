import ChatCore
import ChatModel

/// A poll drawn under its message as a card: the question (with "closed" and "anonymous"
/// when so), each option with a bar and its count (the reader's votes marked ✓), and the
/// total with the key that votes. The picker `V` opens lists the options to vote for.
enum PollCardView {
    /// The bar's width at most; a narrow pane gets a shorter one.
    static let barWidth = 12

    static func lines(_ poll: PollCard, messageID: String, width: Int, indent: Int, context: RenderContext) -> [ViewLine] {
        let frame = context.style("message.quote")
        var flags = ["poll"]
        if poll.isClosed { flags.append("closed") }
        if poll.isAnonymous { flags.append("anonymous") }
        let line = { (segments: [Segment]) in ViewLine(segments: segments, indent: indent, messageID: messageID) }
        var out = [
            line([
                Segment(text: context.label("┌ "), style: frame),
                Segment(text: context.text(poll.name, singleLine: true), style: context.style("message.text")),
                Segment(text: context.label("  (" + flags.joined(separator: " · ") + ")"), style: frame),
            ])
        ]
        let most = max(poll.options.map(\.count).max() ?? 0, 1)
        let textWidth = min(max(poll.options.map { DisplayWidth.of($0.text) }.max() ?? 0, 1), max(8, (width - indent) / 3))
        let bar = max(0, min(barWidth, width - indent - textWidth - 12))
        for option in poll.options {
            let mine = poll.ownVotes[option.id] != nil
            let filled = option.count == 0 ? 0 : max(1, option.count * bar / most)
            let name = context.text(option.text, singleLine: true)
            let pad = String(repeating: " ", count: max(0, textWidth - DisplayWidth.of(name.value)))
            out.append(
                line([
                    Segment(text: context.label("│ " + (mine ? "✓ " : "  ")), style: frame),
                    Segment(text: name, style: context.style(mine ? "reaction.mine" : "message.text")),
                    Segment(text: context.label(pad + " " + String(repeating: "█", count: filled)), style: context.style("reaction")),
                    Segment(text: context.label(String(repeating: "░", count: bar - filled)), style: frame),
                    Segment(text: context.label(" \(option.count)"), style: context.style(mine ? "reaction.mine" : "reaction")),
                ])
            )
        }
        let total = poll.voteCount
        let hint = poll.isClosed ? "voting is over" : "↑ then V to vote"
        out.append(line([Segment(text: context.label("└ \(total) \(total == 1 ? "vote" : "votes") · \(hint)"), style: frame)]))
        return out
    }

    /// The `V` picker: the poll's options, the chosen one highlighted; one already voted for
    /// says Enter takes the vote back.
    static func drawPicker(_ picker: PollPicker, state: ChatState, frame: inout Frame, context: RenderContext) {
        let row = state.window?.rows.first { $0.id == picker.messageID } ?? state.threadRows.first { $0.id == picker.messageID }
        guard let poll = row?.poll else { return }
        let box = OverlayViews.centered(
            width: min(50, frame.width - 2),
            height: min(poll.options.count + 2, 16, frame.height - 2),
            in: frame
        )
        let style = context.style("switcher")
        OverlayViews.drawBox(box, title: "Vote: " + poll.name + " (Enter, Esc)", style: style, frame: &frame, context: context)
        for (i, option) in poll.options.prefix(max(0, box.height - 2)).enumerated() {
            let y = box.y + 1 + i
            let rowStyle = OverlayViews.drawRow(y: y, selected: i == picker.selected, in: box, frame: &frame, context: context)
            let label = option.text + " (\(option.count))" + (poll.ownVotes[option.id] != nil ? "  ✓ yours: Enter takes it back" : "")
            frame.put(context.text(label, singleLine: true), x: box.x + 2, y: y, maxWidth: box.width - 4, style: rowStyle)
        }
    }
}
