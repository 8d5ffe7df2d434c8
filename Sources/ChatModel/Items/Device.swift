public enum PushProvider: String, Sendable, CaseIterable {
    case firebase, apn, huawei, xiaomi
}

/// A push-notification device registered for a user.
public struct Device: Sendable, Hashable {
    public var id: String
    public var userID: String
    public var pushProvider: PushProvider
    public var pushProviderName: String?
    public var createdAt: Timestamp?

    public init(id: String, userID: String, pushProvider: PushProvider) {
        self.id = id
        self.userID = userID
        self.pushProvider = pushProvider
    }
}
