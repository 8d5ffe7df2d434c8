import ChatModel
import Foundation

/// The local app's API key and secret. Made once and kept beside the store
/// (`chat.sqlite` → `chat.sqlite.app.json`), so `chatterm token` and restarts agree.
public struct ServerCredentials: Sendable, Equatable {
    public var apiKey: String
    public var apiSecret: String

    /// Secrets shorter than this are refused: HMAC keys should be at least as long as the hash.
    public static let minimumSecretLength = 32

    public init(apiKey: String, apiSecret: String) throws {
        guard !apiKey.isEmpty else { throw CredentialError("the API key must not be empty") }
        guard apiSecret.utf8.count >= Self.minimumSecretLength else {
            throw CredentialError("the API secret must be at least \(Self.minimumSecretLength) bytes")
        }
        self.apiKey = apiKey
        self.apiSecret = apiSecret
    }

    public static func path(forStore store: String) -> String { store + ".app.json" }

    /// The credentials stored beside `store`, or nil when there are none (never made here:
    /// a new secret would sign tokens no running server accepts).
    public static func load(forStore store: String) throws -> ServerCredentials? {
        let file = path(forStore: store)
        guard let data = FileManager.default.contents(atPath: file) else { return nil }
        guard let o = try? JSONParser.parse(data).objectValue, let key = o["api_key"]?.stringValue,
            let secret = o["api_secret"]?.stringValue
        else {
            throw CredentialError("\(file) is not a credentials file ({\"api_key\",\"api_secret\"})")
        }
        return try ServerCredentials(apiKey: key, apiSecret: secret)
    }

    /// The credentials stored beside `store`, made and saved (readable by the owner only) when there are none.
    public static func loadOrCreate(forStore store: String) throws -> ServerCredentials {
        if let stored = try load(forStore: store) { return stored }
        let file = path(forStore: store)
        let created = try ServerCredentials(apiKey: randomHex(bytes: 10), apiSecret: randomHex(bytes: 32))
        let folder = (file as NSString).deletingLastPathComponent
        // A store named without a folder is in the current one, which exists.
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        let json = JSONWriter(pretty: true).string(["api_key": .string(created.apiKey), "api_secret": .string(created.apiSecret)]) + "\n"
        guard FileManager.default.createFile(atPath: file, contents: Data(json.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw CredentialError("cannot write \(file)")
        }
        return created
    }

    private static func randomHex(bytes: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<bytes).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}

public struct CredentialError: Error, CustomStringConvertible, Sendable {
    public var description: String
    init(_ description: String) { self.description = description }
}
