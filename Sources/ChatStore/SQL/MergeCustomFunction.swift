import ChatModel
import GRDB

/// `merge_custom` on SQLite: the store's custom JSON with the import's laid over it, one level
/// deep (`SQLDialect.mergedCustom`). In Swift because SQLite's JSON functions read `true` and
/// `false` back as 1 and 0, and `json_patch` merges nested objects, which Stream does not.
enum MergeCustomFunction {
    static let name = "chatterm_merge_custom"

    static var function: DatabaseFunction {
        DatabaseFunction(name, argumentCount: 2, pure: true) { values -> (any DatabaseValueConvertible)? in
            let incoming = String.fromDatabaseValue(values[1])
            guard let incomingObject = StoredValue.decodeJSON(incoming)?.objectValue else { return incoming }
            let stored = StoredValue.decodeJSON(String.fromDatabaseValue(values[0]))?.objectValue ?? JSONObject()
            return JSONWriter().string(.object(stored.merging(incomingObject)))
        }
    }
}
