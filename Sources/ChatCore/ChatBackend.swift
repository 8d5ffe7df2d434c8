import ChatModel

/// Where the client's data comes from: the local store (offline browsing) or a server.
public protocol ChatBackend: AnyObject {}
