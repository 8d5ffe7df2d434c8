/// A ban that applies to every channel `createdBy` creates from now on ("future channel ban").
public struct FutureChannelBan: Sendable, Hashable {
    public var targetID: String
    public var createdBy: String
    public var reason: String?
    public var shadow: Bool?
    public var createdAt: Timestamp?

    public init(targetID: String, createdBy: String) {
        self.targetID = targetID
        self.createdBy = createdBy
    }
}
