import ChatModel

/// Where converted items go, in Stream's order (users, channels, members, messages).
/// `ImportFileWriter` is one; `chatterm chatkit migrate` wraps it to tally what it wrote.
public protocol ChatkitItemSink: AnyObject {
    func write(_ type: ItemType, _ data: JSONObject) throws
}

extension ImportFileWriter: ChatkitItemSink {}

/// A sink that keeps nothing: for a report without an output file (`chatterm report --chatkit`).
public final class DiscardingChatkitSink: ChatkitItemSink {
    public init() {}
    public func write(_ type: ItemType, _ data: JSONObject) throws {}
}
