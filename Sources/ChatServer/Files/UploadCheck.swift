import ChatModel
import Foundation

/// What an upload is, decided from its bytes and the app's `file_upload_config` /
/// `image_upload_config` (`PATCH /app`), never from the client's word alone.
struct UploadCheck {
    enum Kind: String { case file, image }

    /// Bytes per upload when the app's config sets no `size_limit`.
    static let defaultSizeLimit = 20 << 20
    /// The config keys `PATCH /app` accepts for uploads: each one is acted on here.
    static let configKeys: Set<String> = [
        "size_limit", "allowed_file_extensions", "blocked_file_extensions", "allowed_mime_types", "blocked_mime_types",
    ]

    let kind: Kind
    let config: JSONObject

    /// The largest upload in bytes: the config's `size_limit`, or the default.
    var sizeLimit: Int { config["size_limit"]?.intValue.flatMap { $0 > 0 ? $0 : nil } ?? Self.defaultSizeLimit }

    /// The type the file is served with: an image's from its magic bytes (the route refuses an
    /// "image" that is none of the known formats); a file's from the client's `Content-Type` when
    /// it is a well-formed `type/subtype`, else `application/octet-stream`. A file is always
    /// served as a download, so its type cannot make it run in the API's origin.
    func contentType(of data: [UInt8], declared: String?) -> String? {
        if let image = Self.imageType(data) { return image }
        guard kind == .file else { return nil }
        let bare = (declared ?? "").split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        let parts = bare.split(separator: "/", omittingEmptySubsequences: false)
        let token = parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy(Self.isTokenByte) }
        return token ? bare : "application/octet-stream"
    }

    /// Why the app's config refuses an upload of `size` bytes named `filename` with type
    /// `contentType`; nil when it may be stored.
    func refusal(size: Int, filename: String, contentType: String) -> String? {
        if size > sizeLimit { return "the \(kind.rawValue) is \(size) bytes, over the limit of \(sizeLimit)" }
        if size == 0 { return "the \(kind.rawValue) is empty" }
        let dot = filename.lastIndex(of: ".")
        let ext = dot.map { String(filename[$0...]).lowercased() } ?? ""
        func list(_ key: String) -> [String]? { config[key]?.arrayValue?.compactMap { $0.stringValue?.lowercased() } }
        func dotted(_ value: String) -> String { value.hasPrefix(".") ? value : "." + value }
        if let allowed = list("allowed_file_extensions"), !allowed.isEmpty, !allowed.map(dotted).contains(ext) {
            return "file extension \(ext.isEmpty ? "(none)" : ext) is not allowed"
        }
        if let blocked = list("blocked_file_extensions"), blocked.map(dotted).contains(ext) { return "file extension \(ext) is blocked" }
        if let allowed = list("allowed_mime_types"), !allowed.isEmpty, !allowed.contains(contentType) {
            return "type \(contentType) is not allowed"
        }
        if let blocked = list("blocked_mime_types"), blocked.contains(contentType) { return "type \(contentType) is blocked" }
        return nil
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte) || Array("!#$&-^_.+".utf8).contains(byte)
    }

    /// The image formats Stream accepts, by their magic bytes. SVG is not among them here: an
    /// SVG can carry script, and images are served inline (it can still be uploaded as a file).
    static func imageType(_ data: [UInt8]) -> String? {
        func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            data.count >= offset + prefix.count && data[offset..<(offset + prefix.count)].elementsEqual(prefix)
        }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if starts([0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return "image/gif" }
        if starts(Array("RIFF".utf8)), starts(Array("WEBP".utf8), at: 8) { return "image/webp" }
        if starts(Array("BM".utf8)), data.count > 26 { return "image/bmp" }
        if starts(Array("ftyp".utf8), at: 4), data.count >= 12 {
            switch String(decoding: data[8..<12], as: UTF8.self) {
            case "heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs": return "image/heic"
            case "mif1", "msf1": return "image/heif"
            default: return nil
            }
        }
        return nil
    }
}
