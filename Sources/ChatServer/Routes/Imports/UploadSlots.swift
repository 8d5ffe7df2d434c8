import Crypto
import Foundation

/// Upload URLs, and where their files go (beside the store). A token is 8 random bytes and a
/// MAC of them with the file name under the app's secret, so any server of the app checks it
/// (behind a load balancer the PUT may reach another server than the one that made the URL),
/// and it is used once: the first upload makes the token's directory, which no second can.
struct UploadSlots: Sendable {
    let directory: String
    private let key: Data

    init(directory: String, secret: String) {
        self.directory = directory
        key = Data(("upload slots " + secret).utf8)
    }

    func issue(filename: String) -> String {
        let nonce = (0..<8).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
        return nonce + mac(nonce, filename)
    }

    /// Claims an issued slot for its upload; false when the token was not issued for this
    /// name, or was used already.
    func take(token: String, filename: String) -> Bool {
        guard token.count == 32, token.allSatisfy(\.isHexDigit), mac(String(token.prefix(16)), filename) == token.suffix(16) else {
            return false
        }
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return mkdir(directory + "/" + token, 0o700) == 0
    }

    private func mac(_ nonce: String, _ filename: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data((nonce + "/" + filename).utf8), using: SymmetricKey(data: key))
        return code.prefix(8).map { String(format: "%02x", $0) }.joined()
    }

    func file(token: String, filename: String) -> String { directory + "/" + token + "/" + filename }

    /// The file behind a `local://uploads/TOKEN/NAME` path, or nil for anything else (no way out of the directory).
    func file(forPath path: String) -> String? {
        guard path.hasPrefix(ImportRoutes.pathPrefix) else { return nil }
        let parts = path.dropFirst(ImportRoutes.pathPrefix.count).split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 32, parts[0].allSatisfy(\.isHexDigit), Self.isSafe(String(parts[1])) else { return nil }
        return file(token: String(parts[0]), filename: String(parts[1]))
    }

    /// A file name with no path in it.
    static func isSafe(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 200 && name != "." && name != ".." && !name.contains("/") && !name.contains("\\")
            && !name.unicodeScalars.contains { $0.value < 0x20 }
    }
}
