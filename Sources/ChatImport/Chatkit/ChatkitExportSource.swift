import ChatModel
import Foundation

/// The record kinds of an export: one file each in a directory, one key each in a bundle.
public enum ChatkitRecordKind: String, Sendable, CaseIterable {
    case users, rooms, messages, cursors, memberships, roles
    case userRoles = "user_roles"

    /// Users, rooms and messages make an export; the rest is optional (Pusher's sample has none of it).
    var isRequired: Bool { self == .users || self == .rooms || self == .messages }
}

/// Where an export's records come from: a directory of `users.ndjson`, `rooms.ndjson`, … (each
/// a JSON array or one object per line, `.ndjson`, `.jsonl` or `.json`), or one bundle file
/// `{"users":[…],"rooms":[…],"messages":[…],…}`.
///
/// Directory files stream through the import reader, so only one batch of records is in
/// memory at a time. A bundle is a single JSON value and is parsed whole.
public struct ChatkitExportSource: Sendable {
    private enum Layout: Sendable {
        case directory([ChatkitRecordKind: String])
        case bundle(path: String, [String: [JSONValue]])
    }

    private let layout: Layout
    public let path: String

    public static let extensions = ["ndjson", "jsonl", "json"]

    public init(path: String) throws(ExportError) {
        self.path = path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ExportError(file: path, reason: "no such file or directory")
        }
        layout = isDirectory.boolValue ? .directory(try Self.locateFiles(in: path)) : try Self.readBundle(path)
    }

    private static func locateFiles(in directory: String) throws(ExportError) -> [ChatkitRecordKind: String] {
        var files: [ChatkitRecordKind: String] = [:]
        for kind in ChatkitRecordKind.allCases {
            let candidates = extensions.map { "\(directory)/\(kind.rawValue).\($0)" }.filter { FileManager.default.fileExists(atPath: $0) }
            if candidates.count > 1 {
                throw ExportError(
                    file: directory,
                    reason: "both \(candidates.map { ($0 as NSString).lastPathComponent }.joined(separator: " and ")); keep one"
                )
            }
            if let file = candidates.first {
                files[kind] = file
            } else if kind.isRequired {
                throw ExportError(
                    file: directory,
                    reason: "missing \(kind.rawValue) file (\(kind.rawValue).ndjson, .jsonl or .json)"
                )
            }
        }
        return files
    }

    private static func readBundle(_ path: String) throws(ExportError) -> Layout {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ExportError(file: path, reason: "cannot read the file")
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse(data)
        } catch {
            throw ExportError(file: path, reason: "not a JSON bundle: \(error.message) (byte \(error.offset))")
        }
        guard case .object(let object) = value else {
            throw ExportError(
                file: path,
                reason: "a bundle is a JSON object with users, rooms and messages arrays (or pass the export directory)"
            )
        }
        var arrays: [String: [JSONValue]] = [:]
        for kind in ChatkitRecordKind.allCases {
            switch object[kind.rawValue] {
            case .array(let items)?: arrays[kind.rawValue] = items
            case nil, .null?:
                if kind.isRequired { throw ExportError(file: path, reason: "the bundle has no \"\(kind.rawValue)\" array") }
            case let other?:
                throw ExportError(file: path, reason: "\"\(kind.rawValue)\" must be an array, not \(other.typeName)")
            }
        }
        return .bundle(path: path, arrays)
    }

    /// The file holding `kind` (directory layout), or the bundle.
    public func file(of kind: ChatkitRecordKind) -> String? {
        switch layout {
        case .directory(let files): files[kind]
        case .bundle(let path, let arrays): arrays[kind.rawValue] == nil ? nil : path
        }
    }

    /// Bytes of the messages, for progress: the messages file, or the whole bundle.
    public var messageBytes: Int64 {
        guard let file = file(of: .messages) else { return 0 }
        return (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.int64Value ?? 0
    }

    /// Calls `body` with each record of `kind` in order, with its place for error messages and
    /// the bytes of the file read so far. A record that is not a JSON object is an error.
    func forEach(_ kind: ChatkitRecordKind, _ body: (JSONObject, RecordPlace, Int64) throws -> Void) throws {
        switch layout {
        case .bundle(let path, let arrays):
            for (i, value) in (arrays[kind.rawValue] ?? []).enumerated() {
                let place = RecordPlace(file: "\(path) \(kind.rawValue)[\(i)]", line: nil)
                guard case .object(let object) = value else { throw place.error("a record must be a JSON object, not \(value.typeName)") }
                try body(object, place, 0)
            }
        case .directory(let files):
            guard let file = files[kind] else { return }
            try JSONLinesFile.forEachObject(file, body)
        }
    }
}
