import ChatModel

/// A message's `files` (or the single `file` of older exports) as Stream attachments, typed by
/// MIME (image, video, audio, file). Slack's file links need the workspace's token, so each is
/// reported; stubs of deleted or hidden files are dropped with the reason.
enum SlackFiles {
    enum Note {
        case dropped(field: String, reason: String)
        /// A `url_private` link: it answers only with the workspace's token.
        case tokenURL(String)
    }

    static func attachments(_ m: JSONObject, note: (Note) -> Void) -> [JSONObject] {
        let files = m["files"]?.arrayValue ?? (m["file"].map { [$0] } ?? [])
        var out: [JSONObject] = []
        for (i, value) in files.enumerated() {
            let field = "files[\(i)]"
            guard let file = value.objectValue else {
                note(.dropped(field: field, reason: "not an object"))
                continue
            }
            if let reason = unusable(file) {
                note(.dropped(field: field, reason: reason))
                continue
            }
            guard out.count < MessageRules.maxAttachments else {
                note(.dropped(field: field, reason: "over Stream's limit of \(MessageRules.maxAttachments) attachments"))
                continue
            }
            out.append(attachment(file, note: note))
        }
        return out
    }

    private static func unusable(_ file: JSONObject) -> String? {
        switch file["mode"]?.stringValue {
        case "tombstone": return "the file was deleted in Slack"
        case "hidden_by_limit": return "the file is hidden by the workspace plan's history limit"
        default: break
        }
        if let access = file["file_access"]?.stringValue, access == "access_denied" || access == "file_not_found" {
            return "the export has no access to the file (\(access))"
        }
        return nil
    }

    private static func attachment(_ file: JSONObject, note: (Note) -> Void) -> JSONObject {
        let mime = file["mimetype"]?.stringValue ?? ""
        let type = ["image", "video", "audio"].first { mime.hasPrefix($0 + "/") } ?? "file"
        var item: JSONObject = ["type": .string(type)]
        if let title = [file["title"], file["name"]].lazy.compactMap({ $0?.stringValue }).first(where: { !$0.isEmpty }) {
            item["title"] = .string(title)
        }
        if !mime.isEmpty { item["mime_type"] = .string(mime) }
        if let size = file["size"]?.intValue { item["file_size"] = .int(size) }
        let url = [file["url_private"], file["url_private_download"], file["permalink"]].lazy.compactMap { $0?.stringValue }.first
        if let url {
            if AttachmentRules.isHTTPSURL(url) {
                item[type == "image" ? "image_url" : "asset_url"] = .string(url)
                if type == "image", let thumb = file["thumb_360"]?.stringValue, AttachmentRules.isHTTPSURL(thumb) {
                    item["thumb_url"] = .string(thumb)
                }
            } else {
                item["title_link"] = .string(url)
            }
            if file["url_private"]?.stringValue == url, file["is_external"]?.boolValue != true {
                item["slack_url_auth"] = "token"
                note(.tokenURL(url))
            }
        }
        if let id = file["id"]?.stringValue { item["slack_file_id"] = .string(id) }
        return item
    }
}
