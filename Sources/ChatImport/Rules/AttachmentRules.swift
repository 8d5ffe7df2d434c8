import ChatModel

/// Attachments are stored whole; `Attachment.standardKeys` are the fields Stream knows, the rest
/// is custom data (allowed since Stream's March 2026 schema), within the 5 KiB custom limit.
enum AttachmentRules {
    static let reserved = Attachment.reservedKeys
    static let urlFields = Attachment.urlKeys
    static let standard = Attachment.standardKeys

    /// `ownFiles`: a live server's own upload URLs (`http://HOST/files/`) pass too, so a message
    /// can point at a file uploaded to it; an import (nil) takes https:// URLs only, as Stream does.
    static func check(_ f: inout FieldReader<JSONObject>, ownFiles: String? = nil) {
        for key in urlFields {
            guard let url = f.string(key) else { continue }
            if let ownFiles, url.hasPrefix(ownFiles), url.utf8.allSatisfy({ $0 > 0x20 && $0 != 0x7F }) { continue }
            if !isHTTPSURL(url) { f.fail("'\(url)' is not a valid attachment.\(key) (attachment URLs must be https:// URLs)") }
        }
        // The schema types `type` and `migrate_resources`; the other known fields are kept as sent.
        _ = f.string("type")
        f.markStandard(standard)
        _ = f.bool("migrate_resources")
        _ = f.custom(reserved: reserved)
    }

    /// `https://host…` with a host and no spaces or control characters.
    static func isHTTPSURL(_ s: String) -> Bool {
        guard s.utf8.count > 8, s.lowercased().hasPrefix("https://") else { return false }
        let rest = s.utf8.dropFirst(8)
        guard let first = rest.first, first != UInt8(ascii: "/") else { return false }
        return rest.allSatisfy { $0 > 0x20 && $0 != 0x7F }
    }
}
