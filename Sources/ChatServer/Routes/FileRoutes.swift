import ChatModel
import ChatStore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// `send_file` / `send_image` (multipart uploads to a channel), `delete_file` / `delete_image`
/// (`?url=`), the app-level `/uploads/file|image` in no channel, and the uploads served back at
/// `GET /files/{id}/{name}`. Uploading needs the
/// channel's write grant and its type's `uploads` feature; deleting, the uploader or a
/// moderator. The answer's URL is on the host the client called.
struct FileRoutes {
    let store: ChatStore
    let files: UploadedFiles

    func add(to router: Router<ServerContext>) {
        router.post("channels/:type/:id/file") { request, context in try await upload(.file, request, context) }
        router.delete("channels/:type/:id/file") { request, context in try delete(.file, request, context) }
        router.post("channels/:type/:id/image") { request, context in try await upload(.image, request, context) }
        router.delete("channels/:type/:id/image") { request, context in try delete(.image, request, context) }
        // The app's own uploads, in no channel: any user may upload; the uploader, an app
        // moderator or the server may delete.
        router.post("uploads/file") { request, context in try await upload(.file, request, context, inChannel: false) }
        router.delete("uploads/file") { request, context in try delete(.file, request, context, inChannel: false) }
        router.post("uploads/image") { request, context in try await upload(.image, request, context, inChannel: false) }
        router.delete("uploads/image") { request, context in try delete(.image, request, context, inChannel: false) }
        router.get("files/:file/:name") { _, context in try serve(context) }
    }

    /// Where this server's uploads are, as the client reached it: `http://HOST/files/`.
    static func urlPrefix(_ request: Request) -> String { "http://\(request.head.authority ?? "127.0.0.1")/files/" }

    private static func operation(_ verb: String, _ kind: UploadCheck.Kind, inChannel: Bool) -> String {
        verb + (inChannel ? "Channel" : "") + (kind == .file ? "File" : "Image")
    }

    private func channel(_ context: ServerContext, operation: String) throws -> ChatModel.Channel {
        let cid = ChannelID.cid(type: context.parameters.get("type") ?? "", id: context.parameters.get("id") ?? "")
        guard let channel = try store.channel(cid: cid) else {
            throw StreamAPIError.notFound(operation, "Can't find channel with id \(cid)")
        }
        return channel
    }

    private func upload(
        _ kind: UploadCheck.Kind,
        _ request: Request,
        _ context: ServerContext,
        inChannel: Bool = true
    ) async throws -> Response {
        let operation = Self.operation("Upload", kind, inChannel: inChannel)
        let channel = inChannel ? try channel(context, operation: operation) : nil
        if let channel { try store.channelConfig(for: channel).require(.uploads, operation: operation) }
        let check = UploadCheck(kind: kind, config: try store.appSettings()[kind.rawValue + "_upload_config"]?.objectValue ?? [:])
        let form = try await Self.form(request, limit: check.sizeLimit, operation: operation)
        for part in form.parts where !["file", "user"].contains(part.name) {
            throw StreamAPIError.input(operation, "\(part.name) is not supported by the local server")
        }
        guard let file = form["file"], file.filename != nil else { throw StreamAPIError.input(operation, "file is a required field") }
        let claimed = try form["user"].map { part -> String? in
            guard let user = try? JSONParser.parse(part.data).objectValue else {
                throw StreamAPIError.input(operation, "user must be a JSON object")
            }
            return user["id"]?.stringValue
        }
        let user = try ActingUser.resolve(context, claimed: claimed ?? nil, operation: operation)
        if let channel { try ChannelAccess(store: store, actor: context.actor).require(.write, channel, operation: operation) }
        let filename = file.filename ?? ""
        guard let type = check.contentType(of: file.data, declared: file.contentType) else {
            throw StreamAPIError.input(operation, "\(filename) is not an image Stream accepts (PNG, JPEG, GIF, WebP, BMP, HEIC)")
        }
        if let refusal = check.refusal(size: file.data.count, filename: filename, contentType: type) {
            throw StreamAPIError.input(operation, refusal)
        }
        let id = try files.save(file.data, cid: channel?.cid ?? "", userID: user, kind: kind, contentType: type, filename: filename)
        let url: JSONValue = .string(Self.urlPrefix(request) + "\(id)/\(UploadedFiles.safeName(filename))")
        var answer: JSONObject = ["file": url]
        if kind == .image { answer["thumb_url"] = url }
        return JSONResponse.ok(answer, status: .created, context: context)
    }

    /// The multipart form of an upload, its body read up to the upload limit (past it, 413 / 22).
    private static func form(_ request: Request, limit: Int, operation: String) async throws -> MultipartForm {
        var request = request
        let boundary: String
        do {
            boundary = try MultipartForm.boundary(contentType: request.headers[.contentType] ?? "")
        } catch let error as MultipartForm.Malformed { throw StreamAPIError.input(operation, error.reason) }
        // Room for the form's own lines and the `user` field around the file.
        let bodyLimit = limit + (64 << 10)
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: bodyLimit)
        } catch is NIOTooManyBytesError {
            throw StreamAPIError.tooBig(limit: bodyLimit)
        }
        do {
            return try MultipartForm(body: Array(buffer.readableBytesView), boundary: boundary)
        } catch let error as MultipartForm.Malformed { throw StreamAPIError.input(operation, error.reason) }
    }

    private func delete(_ kind: UploadCheck.Kind, _ request: Request, _ context: ServerContext, inChannel: Bool = true) throws -> Response {
        let operation = Self.operation("Delete", kind, inChannel: inChannel)
        let channel = inChannel ? try channel(context, operation: operation) : nil
        let cid = channel?.cid ?? ""
        guard let url = request.uri.queryParameters.get("url").map({ String($0) }) else {
            throw StreamAPIError.input(operation, "url is a required field")
        }
        let segments = (URL(string: url)?.path ?? "").split(separator: "/")
        guard segments.count == 3, segments[0] == "files", let record = files.record(String(segments[1])), record.cid == cid else {
            let place = channel.map { "in channel \($0.cid)" } ?? "among the app's uploads"
            throw StreamAPIError.notFound(operation, "no \(kind.rawValue) with url \(url) \(place)")
        }
        let access = ChannelAccess(store: store, actor: context.actor)
        if case .user(let me)? = context.actor, me != record.userID, try !access.mayModerate(cid) {
            throw StreamAPIError.notAllowed(operation, "user \(me) cannot delete a \(kind.rawValue) uploaded by \(record.userID)")
        }
        try files.delete(record.id)
        return JSONResponse.ok([:], context: context)
    }

    /// An upload as stored: its checked type, never sniffed by the browser (`nosniff`), and a
    /// download unless it is an image, so an uploaded page cannot run in the API's origin.
    private func serve(_ context: ServerContext) throws -> Response {
        let id = context.parameters.get("file") ?? ""
        guard let record = files.record(id), let data = files.contents(id) else {
            throw StreamAPIError.notFound("GetFile", "no such file")
        }
        let name = UploadedFiles.safeName(record.filename)
        var headers = HTTPFields()
        headers[.contentType] = record.contentType
        headers[.xContentTypeOptions] = "nosniff"
        // Inline only when the bytes are one of the image formats checked on upload.
        let image = UploadCheck.imageType(Array(data)) == record.contentType
        headers[.contentDisposition] = (image ? "inline" : "attachment") + "; filename=\"\(name)\""
        headers[.contentSecurityPolicy] = "default-src 'none'; sandbox"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
