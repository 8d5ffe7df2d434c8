import ChatCore
import ChatModel
import Foundation

/// `/upload PATH [text]`: the file goes to the channel's upload route (an image to `image`,
/// anything else to `file`), then a message carries it as Stream's attachment does. The
/// server checks size and type; its refusal is the error shown.
extension StreamBackend {
    /// The types sent as images: what Stream's image upload takes, by the file's extension.
    static let imageTypes = [
        "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp", "bmp": "image/bmp",
        "heic": "image/heic",
    ]

    func upload(cid: String, path: String, text: String?, parentID: String?, deliver: @Sendable (ChatEvent) -> Void) async {
        let expanded = (path as NSString).expandingTildeInPath
        let name = (expanded as NSString).lastPathComponent
        guard let data = FileManager.default.contents(atPath: expanded) else {
            deliver(.failed("Could not upload \(path): no such file, or it cannot be read"))
            return
        }
        let ext = (name as NSString).pathExtension.lowercased()
        let imageType = Self.imageTypes[ext]
        do {
            let answer = try await rest.upload(
                Self.channelPath(cid, imageType == nil ? "file" : "image"),
                filename: name,
                contentType: imageType ?? "application/octet-stream",
                data: data
            )
            guard let url = answer["file"]?.stringValue else {
                throw StreamAPIFailure(status: 0, code: -1, message: "the server answered no file URL")
            }
            let attachment: JSONObject =
                imageType == nil
                ? ["type": "file", "asset_url": .string(url), "title": .string(name), "file_size": .int(data.count)]
                : ["type": "image", "image_url": .string(url), "fallback": .string(name)]
            var message: JSONObject = ["text": .string(text ?? ""), "attachments": [.object(attachment)]]
            if let parentID { message["parent_id"] = .string(parentID) }
            let sent = try await rest.post(Self.channelPath(cid, "message"), ["message": .object(message)])
            if let row = sent["message"]?.objectValue.flatMap({ StreamItems.messageRow($0, viewer: userID) }) {
                deliver(.messageUpserted(row))
            }
        } catch {
            deliver(.failed("Could not upload \(name): \((error as? StreamAPIFailure)?.message ?? "\(error)")"))
        }
    }
}
