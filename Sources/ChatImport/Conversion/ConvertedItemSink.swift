import ChatModel

/// Where converted items go, in Stream's order (users, channels, members, messages,
/// reactions). `ImportFileWriter` is one; `chatterm migrate` wraps it to tally what it wrote.
public protocol ConvertedItemSink: AnyObject {
    func write(_ type: ItemType, _ data: JSONObject) throws
}

extension ImportFileWriter: ConvertedItemSink {}

/// A sink that keeps nothing: for a report without an output file (`chatterm report --source`).
public final class DiscardingItemSink: ConvertedItemSink {
    public init() {}
    public func write(_ type: ItemType, _ data: JSONObject) throws {}
}
