import ChatModel

/// Attachments are stored whole; these are the fields Stream knows (the rest is custom data).
enum AttachmentRules {
    static let reserved: Set<String> = ["actions", "fields"]
    static let urlFields = ["image_url", "thumb_url", "asset_url"]
    /// `migrate_resources` (a request to copy files to Stream's CDN) is accepted and kept;
    /// there is no CDN here to copy to.
    static let standard = [
        "type", "title", "title_link", "text", "pretext", "fallback", "color", "footer", "footer_icon",
        "author_name", "author_link", "author_icon", "og_scrape_url", "original_width", "original_height",
        "file_size", "mime_type", "giphy", "migrate_resources",
    ]

    /// `ownFiles`: a live server's own upload URLs (`http://HOST/files/`) pass too, so a message
    /// can point at a file uploaded to it; an import (nil) takes https:// URLs only, as Stream does.
    static func check(_ f: inout FieldReader<JSONObject>, ownFiles: String? = nil) {
        for key in urlFields {
            guard let url = f.string(key) else { continue }
            if let ownFiles, url.hasPrefix(ownFiles), url.utf8.allSatisfy({ $0 > 0x20 && $0 != 0x7F }) { continue }
            if !isHTTPSURL(url) { f.fail("'\(url)' is not a valid attachment.\(key) (attachment URLs must be https:// URLs)") }
        }
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
