import ChatModel
import ChatStore
import Foundation
import Hummingbird

/// What Stream's asynchronous batch routes share: the list of ids they take (at most 100) and
/// the task they answer with. The local server does the work before it answers, so the task
/// is already `completed` (or `failed`) when `GET /tasks/{id}` reads it.
enum BatchTask {
    static let maxItems = 100

    /// `body[key]`: a required list of 1 to `maxItems` non-empty ids.
    static func ids(_ body: JSONObject, _ key: String, operation: String) throws -> [String] {
        guard let list = body[key]?.arrayValue, !list.isEmpty, list.allSatisfy({ $0.stringValue?.isEmpty == false }) else {
            throw StreamAPIError.input(operation, "\(key) is a required list of ids")
        }
        guard list.count <= maxItems else { throw StreamAPIError.input(operation, "at most \(maxItems) \(key) per request") }
        return list.compactMap(\.stringValue)
    }

    /// Stores the task with `result` and answers its `task_id` (201); `echo` puts the result
    /// in the answer too, as Stream's batch deletes do.
    static func answer(_ result: JSONObject, failed: Bool, echo: Bool, store: ChatStore, context: ServerContext) throws -> Response {
        let now = Timestamp.now()
        let task = StoredTask(
            id: UUID().uuidString.lowercased(),
            status: failed ? "failed" : "completed",
            createdAt: now,
            updatedAt: now,
            result: result
        )
        try store.save(task: task)
        var answer: JSONObject = ["task_id": .string(task.id)]
        if echo { answer["result"] = .object(result) }
        return JSONResponse.ok(answer, status: .created, context: context)
    }
}
