import ChatModel

/// A Chatkit message's parts as Stream's `text` and `attachments`, in part order:
/// - inline `text/*` parts → the text, joined with newlines (empty ones add nothing);
/// - other inline parts → a `chatkit_inline` attachment holding the MIME type and content;
/// - https url and attachment parts → an attachment typed by MIME (image / video / audio /
///   file), name → `title`, size → `file_size`, custom data nested as `chatkit_custom_data`;
/// - non-https links → a line of the text (Stream accepts only https attachment URLs).
struct ChatkitMessageBody {
    var text = ""
    var attachments: [JSONValue] = []

    /// What the caller must report.
    enum Note {
        case movedToText(field: String, url: String)
        case unusablePart(field: String, reason: String)
        case droppedCustom(field: String, bytes: Int)
        case expiringLink(url: String, expiresAt: Timestamp?)
        case truncatedText(length: Int)
        case droppedAttachments(count: Int)
    }

    init(parts: [ChatkitPart], maxTextLength: Int, note: (Note) -> Void) {
        var lines: [String] = []
        for (i, part) in parts.enumerated() {
            let field = "parts[\(i)]"
            switch part {
            case .inline(let mime, let content):
                if mime.lowercased().hasPrefix("text/") {
                    if !content.isEmpty { lines.append(content) }
                } else {
                    var a: JSONObject = ["type": "chatkit_inline", "mime_type": .string(mime), "content": .string(content)]
                    ChatkitCustomFields.fit(&a, droppable: ["content"]) { _, bytes in
                        note(.droppedCustom(field: field + ".content", bytes: bytes))
                    }
                    attachments.append(.object(a))
                }
            case .url(let mime, let url):
                if AttachmentRules.isHTTPSURL(url) {
                    attachments.append(.object(Self.linkAttachment(kind: Self.kind(mime: mime), mime: mime, url: url)))
                } else {
                    lines.append(url)
                    note(.movedToText(field: field, url: url))
                }
            case .attachment(let file):
                guard AttachmentRules.isHTTPSURL(file.downloadURL) else {
                    lines.append(file.downloadURL)
                    note(.movedToText(field: field, url: file.downloadURL))
                    continue
                }
                attachments.append(.object(Self.fileAttachment(file, field: field, note: note)))
                // v2 resource links are not known to expire; uploaded files' signed links are.
                if file.legacyKind == nil { note(.expiringLink(url: file.downloadURL, expiresAt: file.expiration)) }
            case .unusable(let reason):
                note(.unusablePart(field: field, reason: reason))
            }
        }
        text = lines.joined(separator: "\n")
        let length = text.unicodeScalars.count
        if length > maxTextLength {
            var scalars = String.UnicodeScalarView()
            scalars.append(contentsOf: text.unicodeScalars.prefix(maxTextLength))
            text = String(scalars)
            note(.truncatedText(length: length))
        }
        if attachments.count > MessageRules.maxAttachments {
            note(.droppedAttachments(count: attachments.count - MessageRules.maxAttachments))
            attachments.removeLast(attachments.count - MessageRules.maxAttachments)
        }
    }

    /// Stream's attachment type for a MIME type.
    static func kind(mime: String) -> String {
        let major = mime.lowercased().split(separator: "/").first.map(String.init) ?? ""
        return ["image", "video", "audio"].contains(major) ? major : "file"
    }

    private static func linkAttachment(kind: String, mime: String?, url: String) -> JSONObject {
        var a: JSONObject = ["type": .string(kind)]
        if let mime { a["mime_type"] = .string(mime) }
        a[kind == "image" ? "image_url" : "asset_url"] = .string(url)
        return a
    }

    private static func fileAttachment(_ file: ChatkitAttachment, field: String, note: (Note) -> Void) -> JSONObject {
        let kind = file.legacyKind.map { ["image", "video", "audio"].contains($0) ? $0 : "file" } ?? Self.kind(mime: file.mime ?? "")
        var a = linkAttachment(kind: kind, mime: file.mime, url: file.downloadURL)
        // Without a name (optional in Chatkit), the link's last path segment is the best title there is.
        if let title = file.name ?? fileName(of: file.downloadURL) { a["title"] = .string(title) }
        if let size = file.size, !size.isNull { a["file_size"] = size }
        if let id = file.id { a["chatkit_attachment_id"] = .string(id) }
        if let custom = file.customData, !custom.isEmpty { a["chatkit_custom_data"] = .object(custom) }
        ChatkitCustomFields.fit(&a, droppable: ["chatkit_custom_data"]) { _, bytes in
            note(.droppedCustom(field: field + ".custom_data", bytes: bytes))
        }
        return a
    }

    /// `https://host/dir/report.pdf?sig=…` → `report.pdf`.
    static func fileName(of url: String) -> String? {
        let path = url.split(separator: "?", maxSplits: 1).first.map(String.init) ?? url
        let afterHost = path.split(separator: "/", omittingEmptySubsequences: true).dropFirst(2)
        guard let last = afterHost.last, !last.isEmpty else { return nil }
        return String(last)
    }
}
