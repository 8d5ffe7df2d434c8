import ChatModel

/// `/join` without a name: the team and livestream channels the reader is not in, with their
/// member counts; Enter joins one (a server adds the reader as a member) and opens it.
public struct JoinPicker: Sendable, Equatable {
    public var channels: [ChannelSummary]
    public var selected = 0

    public init(channels: [ChannelSummary]) { self.channels = channels }
}
