/// The channel types an import may use, beyond the built-in five with their defaults: the
/// ones a store's app created and the built-in ones it changed, with their message limits.
public struct ImportChannelTypes: Sendable, Equatable {
    /// Types that exist besides the built-in ones.
    public var custom: Set<String>
    /// `max_message_length` of each type whose limit is not the default.
    public var maxMessageLength: [String: Int]

    public init(custom: Set<String> = [], maxMessageLength: [String: Int] = [:]) {
        self.custom = custom
        self.maxMessageLength = maxMessageLength
    }

    /// The built-in types only, as a file checked on its own sees them.
    public static let builtIn = ImportChannelTypes()

    public init(_ configs: [ChannelTypeConfig]) {
        self.init()
        for config in configs {
            if BuiltInChannelType(rawValue: config.name) == nil { custom.insert(config.name) }
            if config.maxMessageLength != ChannelTypeConfig.defaultMaxMessageLength {
                maxMessageLength[config.name] = config.maxMessageLength
            }
        }
    }

    public func maxMessageLength(forType type: String?) -> Int {
        type.flatMap { maxMessageLength[$0] } ?? ChannelTypeConfig.defaultMaxMessageLength
    }
}
