import ChatModel
import ChatStore
import Hummingbird

/// `add_device`, `get_devices`, `delete_device`: a user token manages its own devices. The
/// local server sends no push; it keeps the registrations (at most 25 a user, the oldest
/// replaced) as Stream does.
struct DeviceRoutes {
    let store: ChatStore

    func add(to router: Router<ServerContext>) {
        router.post("devices") { request, context in try await add(request, context) }
        router.get("devices") { request, context in try list(request, context) }
        router.delete("devices") { request, context in try delete(request, context) }
    }

    private func add(_ request: Request, _ context: ServerContext) async throws -> Response {
        let operation = "CreateDevice"
        var request = request
        // VoIP tokens and hardware ids only matter to push delivery, which the local server does not do.
        let body = try await request.jsonObject(
            operation: operation,
            handling: ["id", "push_provider", "push_provider_name", "user_id", "user"]
        )
        let user = try ActingUser.resolve(context, claimed: ActingUser.claimed(in: body), operation: operation)
        guard let id = body["id"]?.stringValue, (1...255).contains(id.count) else {
            throw StreamAPIError.input(operation, "id is a required field of 1 to 255 characters")
        }
        guard let provider = body["push_provider"]?.stringValue.flatMap(PushProvider.init(rawValue:)) else {
            throw StreamAPIError.input(
                operation,
                "push_provider must be one of \(PushProvider.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        guard try store.user(id: user) != nil else { throw StreamAPIError.notFound(operation, "user \(user) doesn't exist") }
        var device = Device(id: id, userID: user, pushProvider: provider)
        device.pushProviderName = body["push_provider_name"]?.stringValue
        if case .takenBy = try store.add(device: device, at: .now()) {
            throw StreamAPIError.input(operation, "device \(id) is registered to another user")
        }
        return JSONResponse.ok([:], status: .created, context: context)
    }

    private func owner(_ request: Request, _ context: ServerContext, operation: String) throws -> String {
        let claimed = request.uri.queryParameters.get("user_id").map { String($0) }
        return try ActingUser.resolve(context, claimed: claimed, operation: operation)
    }

    private func list(_ request: Request, _ context: ServerContext) throws -> Response {
        let user = try owner(request, context, operation: "ListDevices")
        return JSONResponse.ok(["devices": .array(try store.devices(of: user).map(Self.json))], context: context)
    }

    /// A device as `get_devices` and the owner's `me` show it.
    static func json(_ device: Device) -> JSONValue {
        var o: JSONObject = [
            "id": .string(device.id), "user_id": .string(device.userID), "push_provider": .string(device.pushProvider.rawValue),
            "disabled": false,
        ]
        if let name = device.pushProviderName { o["push_provider_name"] = .string(name) }
        if let created = device.createdAt { o["created_at"] = .string(created.rfc3339) }
        return .object(o)
    }

    private func delete(_ request: Request, _ context: ServerContext) throws -> Response {
        let operation = "DeleteDevice"
        let user = try owner(request, context, operation: operation)
        guard let id = request.uri.queryParameters.get("id").map({ String($0) }) else {
            throw StreamAPIError.input(operation, "id is a required field")
        }
        guard try store.deleteDevice(id: id, userID: user) else {
            throw StreamAPIError.notFound(operation, "user \(user) has no device \(id)")
        }
        return JSONResponse.ok([:], context: context)
    }
}
