import Foundation

/// Upload URLs handed out and not yet used, and where their files go (beside the store).
public actor UploadSlots {
    nonisolated let directory: String
    private var open: Set<String> = []

    public init(directory: String) { self.directory = directory }

    func issue(filename: String) -> String {
        let token = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        open.insert(token + "/" + filename)
        return token
    }

    /// Consumes an issued slot: true once per issued token and name.
    func take(token: String, filename: String) -> Bool { open.remove(token + "/" + filename) != nil }

    nonisolated func file(token: String, filename: String) -> String { directory + "/" + token + "/" + filename }

    /// The file behind a `local://uploads/TOKEN/NAME` path, or nil for anything else (no way out of the directory).
    nonisolated func file(forPath path: String) -> String? {
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
