import ChatModel
import Foundation

/// Files and images uploaded to channels, kept in a folder beside the store (`<store>.files`;
/// on PostgreSQL beside the store's local path, so servers on one machine share it, as they
/// share the local app). On disk each is named by an id the server makes — 32 hex digits —
/// with a `.json` record beside it (channel, uploader, type, the client's name); the client's
/// file name is only ever data.
struct UploadedFiles: Sendable {
    struct Record: Sendable {
        var id: String
        var cid: String
        var userID: String
        var kind: UploadCheck.Kind
        var contentType: String
        var filename: String
    }

    let directory: String

    /// Stores `data` and returns its id.
    func save(_ data: [UInt8], cid: String, userID: String, kind: UploadCheck.Kind, contentType: String, filename: String) throws -> String
    {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let id = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let record: JSONValue = [
            "cid": .string(cid), "user_id": .string(userID), "kind": .string(kind.rawValue),
            "content_type": .string(contentType), "filename": .string(filename),
        ]
        // The content first: a record never names a file that is not there.
        try Data(data).write(to: URL(fileURLWithPath: path(id)), options: .atomic)
        try Data(JSONWriter().bytes(record)).write(to: URL(fileURLWithPath: path(id) + ".json"), options: .atomic)
        return id
    }

    /// The record of `id`, or nil when `id` is not one the server made or the file is gone.
    func record(_ id: String) -> Record? {
        guard Self.isID(id), let bytes = FileManager.default.contents(atPath: path(id) + ".json"),
            let o = try? JSONParser.parse(Array(bytes)).objectValue,
            let cid = o["cid"]?.stringValue, let user = o["user_id"]?.stringValue,
            let kind = o["kind"]?.stringValue.flatMap(UploadCheck.Kind.init(rawValue:)),
            let type = o["content_type"]?.stringValue, let name = o["filename"]?.stringValue
        else { return nil }
        return Record(id: id, cid: cid, userID: user, kind: kind, contentType: type, filename: name)
    }

    func contents(_ id: String) -> Data? { Self.isID(id) ? FileManager.default.contents(atPath: path(id)) : nil }

    func delete(_ id: String) throws {
        guard Self.isID(id) else { return }
        try? FileManager.default.removeItem(atPath: path(id) + ".json")
        try FileManager.default.removeItem(atPath: path(id))
    }

    private func path(_ id: String) -> String { directory + "/" + id }

    /// 32 lowercase hex digits: an id can name nothing outside the folder.
    static func isID(_ id: String) -> Bool {
        id.utf8.count == 32 && id.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// The client's name made safe for a URL segment and a `Content-Disposition` header:
    /// letters, digits, `.`, `-` and `_` only, at most 100 of them.
    static func safeName(_ filename: String) -> String {
        let kept = filename.unicodeScalars.map { scalar -> Character in
            let c = Character(scalar)
            return scalar.isASCII && (c.isLetter || c.isNumber || c == "." || c == "-" || c == "_") ? c : "_"
        }
        let name = String(String(kept).prefix(100)).trimmingCharacters(in: CharacterSet(charactersIn: "."))
        return name.isEmpty ? "file" : name
    }
}
