import ChatModel

/// The writing half of a Slack or Mattermost conversion, once the run has read its plan: every
/// item in Stream's order (users, channels, members, messages, reactions), counted in the report.
protocol ConversionItemWriting: AnyObject {
    var report: ConversionReport { get set }
    var userMap: StreamIDMap { get }
    var channelMap: StreamIDMap { get }
    var itemsWritten: Int { get set }
    var progress: ((ImportProgress) -> Void)? { get }
    /// What the progress bar counts to.
    var progressBytes: Int64 { get }

    func writeUsers(_ sink: any ConvertedItemSink) throws
    func writeChannels(_ sink: any ConvertedItemSink) throws
    func writeMembers(_ sink: any ConvertedItemSink) throws
    func writeMessages(_ sink: any ConvertedItemSink) throws
    func writeReactions(_ sink: any ConvertedItemSink) throws
}

extension ConversionItemWriting {
    /// Writes everything and returns the finished report.
    func writeItems(into sink: any ConvertedItemSink) throws -> ConversionReport {
        report.changedIDs(userMap, kind: "user")
        report.changedIDs(channelMap, kind: "channel")
        try writeUsers(sink)
        try writeChannels(sink)
        try writeMembers(sink)
        try writeMessages(sink)
        try writeReactions(sink)
        report.finish()
        progress?(ImportProgress(items: itemsWritten, bytes: progressBytes))
        return report
    }

    func write(_ sink: any ConvertedItemSink, _ type: ItemType, _ item: JSONObject) throws {
        try sink.write(type, item)
        report.wrote(type)
        itemsWritten += 1
    }
}
