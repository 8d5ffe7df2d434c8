import ArgumentParser
import ChatServer
import Foundation

struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Print a user token (JWT) for the local app of a store."
    )

    @Argument(help: "The user the token acts as.")
    var userID: String

    @Option(help: "Seconds until the token expires (none by default).")
    var expiresIn: Int?

    @OptionGroup var store: StoreOptions

    func run() throws {
        let credentials: ServerCredentials
        do {
            credentials = try ServerCredentials.loadOrCreate(forStore: store.localPath)
        } catch {
            throw failure("\(error)", code: 2)
        }
        let expiry = expiresIn.map { Int64(Date().timeIntervalSince1970) + Int64($0) }
        print(StreamToken.userToken(userID, secret: credentials.apiSecret, expiresAt: expiry))
    }
}
