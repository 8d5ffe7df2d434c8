import ChatModel

/// A channel type's features, checked before anything is written or sent. Server tokens pass
/// permission checks but not these: Stream enforces a type's features for every caller.
/// (`max_message_length` is checked with the other message rules, by `ItemRules.message`.)
extension ChannelTypeConfig {
    /// 400 / 19 (ChannelFeatureNotSupported) when `feature` is off for this type.
    func require(_ feature: Feature, operation: String) throws {
        guard self[feature] else {
            throw StreamAPIError(
                status: 400,
                code: 19,
                message: "\(operation) failed with error: \"\(feature.rawValue) is disabled for channel type \(name)\""
            )
        }
    }
}
