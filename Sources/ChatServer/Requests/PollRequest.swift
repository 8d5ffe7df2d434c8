import ChatModel
import Foundation

/// A poll as a create or full update request gives it (CreatePollRequest / UpdatePollRequest),
/// checked field by field in Stream's error shape. Keys the API does not define are the poll's
/// custom data, flat as Stream's JavaScript client sends them, beside a `custom` object.
enum PollRequest {
    static let fields: Set<String> = [
        "id", "name", "description", "voting_visibility", "enforce_unique_vote", "max_votes_allowed",
        "allow_user_suggested_options", "allow_answers", "is_closed", "options", "custom", "user", "user_id",
    ]
    /// Stream's limit on a poll's custom data.
    static let customLimit = 5 * 1024

    /// The poll `body` describes. A create may leave out ids (new ones are made); an update
    /// (`update: true`) names the poll and each option it keeps by id.
    static func poll(_ body: JSONObject, update: Bool, operation: String) throws -> Poll {
        let id = try string(body, "id", operation: operation)
        guard let name = try string(body, "name", operation: operation), !name.isEmpty else {
            throw StreamAPIError.input(operation, "name is a required field")
        }
        if update, id?.isEmpty != false { throw StreamAPIError.input(operation, "id is a required field") }
        if let id, id.count > 255 { throw StreamAPIError.input(operation, "id must be at most 255 characters") }
        var custom = body["custom"]?.objectValue ?? JSONObject()
        if let given = body["custom"], given != .null, given.objectValue == nil {
            throw StreamAPIError.input(operation, "custom must be an object")
        }
        for member in body.members where !fields.contains(member.key) { custom[member.key] = member.value }
        if JSONWriter().string(.object(custom)).utf8.count > customLimit {
            throw StreamAPIError.input(operation, "custom data of a poll is limited to \(customLimit) bytes")
        }
        var poll = Poll(id: id ?? UUID().uuidString.lowercased(), name: name, custom: custom)
        poll.description = try string(body, "description", operation: operation)
        switch try string(body, "voting_visibility", operation: operation) {
        case nil, "public": poll.votingVisibility = .public
        case "anonymous": poll.votingVisibility = .anonymous
        case let other?: throw StreamAPIError.input(operation, "voting_visibility must be public or anonymous, not \(other)")
        }
        poll.enforceUniqueVote = try flag(body, "enforce_unique_vote", operation: operation)
        poll.allowUserSuggestedOptions = try flag(body, "allow_user_suggested_options", operation: operation)
        poll.allowAnswers = try flag(body, "allow_answers", operation: operation)
        poll.isClosed = try flag(body, "is_closed", operation: operation)
        if let max = body["max_votes_allowed"], max != .null {
            guard let n = max.intValue, (1...10).contains(n) else {
                throw StreamAPIError.input(operation, "max_votes_allowed must be a number from 1 to 10")
            }
            poll.maxVotesAllowed = n
        }
        guard let list = body["options"].map({ $0 == .null ? [] : $0.arrayValue }) ?? [] else {
            throw StreamAPIError.input(operation, "options must be a list")
        }
        poll.options = try list.map { try option($0, needsID: update, operation: operation) }
        var seen = Set<String>()
        for option in poll.options where !seen.insert(option.id).inserted {
            throw StreamAPIError.input(operation, "option id \(option.id) is repeated")
        }
        return poll
    }

    /// One option (`{id, text, custom}`); `text` is required, `id` when `needsID`.
    static func option(_ value: JSONValue, needsID: Bool, operation: String) throws -> PollOption {
        guard let o = value.objectValue else { throw StreamAPIError.input(operation, "an option must be an object") }
        guard let text = try string(o, "text", operation: operation), !text.isEmpty else {
            throw StreamAPIError.input(operation, "option text is a required field")
        }
        let id = try string(o, "id", operation: operation)
        if needsID, id?.isEmpty != false { throw StreamAPIError.input(operation, "option id is a required field") }
        if let custom = o["custom"], custom != .null, custom.objectValue == nil {
            throw StreamAPIError.input(operation, "option custom must be an object")
        }
        return PollOption(id: id ?? UUID().uuidString.lowercased(), text: text, custom: o["custom"]?.objectValue ?? JSONObject())
    }

    /// A poll as a full update request would give it back: what a partial update applies to.
    static func body(_ poll: Poll) -> JSONObject {
        var o: JSONObject = [
            "id": .string(poll.id), "name": .string(poll.name), "voting_visibility": .string(poll.votingVisibility.rawValue),
            "enforce_unique_vote": .bool(poll.enforceUniqueVote), "allow_user_suggested_options": .bool(poll.allowUserSuggestedOptions),
            "allow_answers": .bool(poll.allowAnswers), "is_closed": .bool(poll.isClosed),
            "options": .array(
                poll.options.map { ["id": .string($0.id), "text": .string($0.text), "custom": .object($0.custom)] }
            ),
        ]
        if let description = poll.description { o["description"] = .string(description) }
        // Custom data goes flat, so a partial update sets and unsets it by name; a key that
        // clashes with a field stays in `custom`.
        var nested = JSONObject()
        for member in poll.custom.members {
            if fields.contains(member.key) { nested[member.key] = member.value } else { o[member.key] = member.value }
        }
        if !nested.isEmpty { o["custom"] = .object(nested) }
        if let max = poll.maxVotesAllowed { o["max_votes_allowed"] = .int(max) }
        return o
    }

    private static func string(_ o: JSONObject, _ key: String, operation: String) throws -> String? {
        guard let value = o[key], value != .null else { return nil }
        guard let s = value.stringValue else { throw StreamAPIError.input(operation, "\(key) must be a string") }
        return s
    }

    private static func flag(_ o: JSONObject, _ key: String, operation: String) throws -> Bool {
        guard let value = o[key], value != .null else { return false }
        guard let b = value.boolValue else { throw StreamAPIError.input(operation, "\(key) must be true or false") }
        return b
    }
}
