import ChatModel
import HTTPTypes
import Hummingbird
import NIOCore

/// JSON answers with Stream's `duration` (the middleware adds the rate-limit headers), their
/// users showing who is online (`PresenceBoard`).
enum JSONResponse {
    static func ok(_ body: JSONObject, status: HTTPResponse.Status = .ok, context: ServerContext) -> Response {
        var object = body
        object["duration"] = .string(context.duration)
        return make(context.presence?.shown(.object(object)) ?? .object(object), status: status)
    }

    static func error(_ error: StreamAPIError, context: ServerContext) -> Response {
        make(error.json(duration: context.duration), status: HTTPResponse.Status(code: error.status))
    }

    private static func make(_ value: JSONValue, status: HTTPResponse.Status) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        // A channel's state with 50 messages is some 57 kB: grown from empty, its bytes were
        // copied a dozen times, and from 16 kB still twice a query (48 kB copied, two more
        // allocations). A smaller answer leaves the rest of the reserve untouched.
        return Response(
            status: status,
            headers: headers,
            body: ResponseBody(byteBuffer: JSONWriter().withBytes(value, capacity: 65_536) { ByteBuffer(bytes: $0) })
        )
    }
}
