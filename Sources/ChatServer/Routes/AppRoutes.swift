import ChatModel
import ChatStore
import Hummingbird

/// `GET /app` and `PATCH /app` (`get_app_settings`, `update_app_settings`). The settings the
/// local server acts on are the upload configs (`UploadCheck`); any other setting is refused,
/// never stored and ignored.
struct AppRoutes {
    let store: ChatStore
    let credentials: ServerCredentials
    static let uploadConfigs = ["file_upload_config", "image_upload_config"]

    func add(to router: Router<ServerContext>) {
        router.get("app") { _, context in try get(context) }
        router.patch("app") { request, context in try await update(request, context) }
    }

    private func get(_ context: ServerContext) throws -> Response {
        let settings = try store.appSettings()
        var app: JSONObject = [
            "name": "chatterm", "api_key": .string(credentials.apiKey), "disable_auth_checks": false,
            "revoke_tokens_issued_before": nil,
        ]
        for name in Self.uploadConfigs {
            var config = settings[name]?.objectValue ?? [:]
            if config["size_limit"] == nil { config["size_limit"] = .int(UploadCheck.defaultSizeLimit) }
            app[name] = .object(config)
        }
        return JSONResponse.ok(["app": .object(app)], context: context)
    }

    private func update(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "UpdateApp"
        try ServerSideOnly.appSettings.require(context, operation: operation)
        var request = request
        let body = try await request.jsonObject(operation: operation)
        for setting in body.members {
            guard Self.uploadConfigs.contains(setting.key) else {
                throw StreamAPIError.input(
                    operation,
                    "\(setting.key) is not supported by the local server (it acts on \(Self.uploadConfigs.joined(separator: " and ")))"
                )
            }
            try Self.check(config: setting.value, name: setting.key, operation: operation)
        }
        try store.updateAppSettings(body)
        return JSONResponse.ok([:], context: context)
    }

    /// An upload config: only the keys `UploadCheck` acts on, `size_limit` a byte count, the rest lists of strings.
    private static func check(config: JSONValue, name: String, operation: String) throws {
        guard let config = config.objectValue else { throw StreamAPIError.input(operation, "\(name) must be an object") }
        for entry in config.members {
            guard UploadCheck.configKeys.contains(entry.key) else {
                throw StreamAPIError.input(operation, "\(name).\(entry.key) is not supported by the local server")
            }
            if entry.key == "size_limit" {
                guard let limit = entry.value.intValue, limit >= 0 else {
                    throw StreamAPIError.input(operation, "\(name).size_limit must be a number of bytes")
                }
                continue
            }
            guard let list = entry.value.arrayValue, list.allSatisfy({ $0.stringValue != nil }) else {
                throw StreamAPIError.input(operation, "\(name).\(entry.key) must be a list of strings")
            }
        }
    }
}
