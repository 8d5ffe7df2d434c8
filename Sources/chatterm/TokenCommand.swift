import ArgumentParser
import ChatImport
import ChatServer
import ChatStore
import Foundation

struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Print a user token (JWT) for the local app of a store.",
        discussion: "The local app is the one `chatterm serve` made beside the store; the store itself is not opened."
    )

    @Argument(help: "The user the token acts as.")
    var userID: String

    @Option(help: "Seconds until the token expires, more than 0 (none by default).")
    var expiresIn: Int?

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if let problem = ItemRules.userIDProblem(userID) { throw ValidationError(problem) }
        if let expiresIn, expiresIn <= 0 { throw ValidationError("--expires-in must be more than 0 seconds") }
    }

    /// Reads the local app and never makes one: a new secret would sign a token no running server accepts.
    func run() throws {
        if store.postgresURL == nil, !FileManager.default.fileExists(atPath: store.path) {
            throw CommandFailure(StoreError.missing(store.path))
        }
        guard let credentials = try ServerCredentials.load(forStore: store.localPath) else {
            throw failure(
                "no local app for \(store.location)",
                hint: "chatterm serve makes it on its first run: start it once with the same --db or --database",
                code: ExitStatus.couldNotRun
            )
        }
        let expiry = expiresIn.map { Int64(Date().timeIntervalSince1970) + Int64($0) }
        print(StreamToken.userToken(userID, secret: credentials.apiSecret, expiresAt: expiry))
    }
}
