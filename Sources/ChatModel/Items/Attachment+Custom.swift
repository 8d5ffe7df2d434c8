extension Attachment {
    /// The fields Stream knows on an attachment; since March 2026 its import schema allows any
    /// other field too, kept as the attachment's custom data. `actions` and `fields` are Stream's
    /// and keep their meaning, so they are not custom either.
    public static let urlKeys = ["image_url", "thumb_url", "asset_url"]
    public static let reservedKeys: Set<String> = ["actions", "fields"]
    /// `migrate_resources` (a request to copy files to Stream's CDN) is accepted and kept.
    public static let standardKeys = [
        "type", "title", "title_link", "text", "pretext", "fallback", "color", "footer", "footer_icon",
        "author_name", "author_link", "author_icon", "og_scrape_url", "original_width", "original_height",
        "file_size", "mime_type", "giphy", "migrate_resources",
    ]

    /// The fields that are neither standard nor reserved, in their order.
    public var custom: JSONObject {
        let known = Set(Self.standardKeys + Self.urlKeys).union(Self.reservedKeys)
        return JSONObject(fields.members.filter { !known.contains($0.key) })
    }
}
