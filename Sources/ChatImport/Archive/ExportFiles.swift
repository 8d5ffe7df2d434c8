import Foundation

/// The files of an export, by their path inside it, whether it is a folder or a ZIP archive.
/// A folder's symbolic links are followed only when they stay inside the folder; a link out of
/// it is refused, as a ZIP entry that climbs out is (`ZipArchive`).
public final class ExportFiles: @unchecked Sendable {
    private enum Storage {
        case folder(root: String)
        case zip(ZipArchive, [String: ZipArchive.Entry])
    }

    private let storage: Storage
    /// Every regular file, `/`-separated, sorted.
    public let names: [String]
    /// Sizes by name, for progress.
    public let sizes: [String: Int64]
    public let path: String

    public init(path: String) throws(ExportError) {
        self.path = path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ExportError(file: path, reason: "no such file or directory")
        }
        if isDirectory.boolValue {
            let root = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            let found = try Self.walk(root: root)
            storage = .folder(root: root)
            names = found.map(\.0).sorted()
            sizes = Dictionary(found, uniquingKeysWith: { a, _ in a })
        } else {
            let archive = try ZipArchive(path: path)
            let files = archive.entries.filter { !$0.name.hasSuffix("/") && !$0.isSymlink }
            storage = .zip(archive, Dictionary(files.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a }))
            names = files.map(\.name).sorted()
            sizes = Dictionary(files.map { ($0.name, Int64($0.size)) }, uniquingKeysWith: { a, _ in a })
        }
    }

    private static func walk(root: String) throws(ExportError) -> [(String, Int64)] {
        guard let walker = FileManager.default.enumerator(atPath: root) else {
            throw ExportError(file: root, reason: "cannot list the folder")
        }
        var found: [(String, Int64)] = []
        while let name = walker.nextObject() as? String {
            let full = root + "/" + name
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: full) else { continue }
            var type = attributes[.type] as? FileAttributeType
            if type == .typeSymbolicLink {
                let target = URL(fileURLWithPath: full).resolvingSymlinksInPath().path
                guard target.hasPrefix(root + "/") else {
                    throw ExportError(file: full, reason: "a symbolic link to \(target), outside the export; refusing it")
                }
                type = (try? FileManager.default.attributesOfItem(atPath: target))?[.type] as? FileAttributeType
            }
            if type == .typeRegular { found.append((name, (attributes[.size] as? NSNumber)?.int64Value ?? 0)) }
        }
        return found
    }

    public func contains(_ name: String) -> Bool { sizes[name] != nil }

    /// Where `name` is, for messages: the file, or the archive and its entry.
    public func place(_ name: String) -> String {
        switch storage {
        case .folder(let root): root + "/" + name
        case .zip: path + ": " + name
        }
    }

    /// The bytes of `name`.
    public func read(_ name: String) throws(ExportError) -> [UInt8] {
        switch storage {
        case .folder(let root):
            guard let data = FileManager.default.contents(atPath: root + "/" + name) else {
                throw ExportError(file: place(name), reason: "cannot read the file")
            }
            return Array(data)
        case .zip(let archive, let entries):
            guard let entry = entries[name] else { throw ExportError(file: place(name), reason: "no such entry") }
            return try archive.read(entry)
        }
    }

    /// A path to read `name` from as a file: in a folder the file itself; from an archive a copy
    /// streamed into `scratch` (the caller removes it), never held whole in memory.
    public func file(_ name: String, scratch: String) throws(ExportError) -> String {
        switch storage {
        case .folder(let root):
            guard contains(name) else { throw ExportError(file: place(name), reason: "no such file") }
            return root + "/" + name
        case .zip(let archive, let entries):
            guard let entry = entries[name] else { throw ExportError(file: place(name), reason: "no such entry") }
            guard
                let out = FileHandle(forWritingAtPath: scratch)
                    ?? (FileManager.default.createFile(atPath: scratch, contents: nil) ? FileHandle(forWritingAtPath: scratch) : nil)
            else {
                throw ExportError(file: scratch, reason: "cannot write a scratch copy")
            }
            defer { try? out.close() }
            try archive.stream(entry) { (chunk) throws(ExportError) in
                do { try out.write(contentsOf: Data(chunk)) } catch {
                    throw ExportError(file: scratch, reason: "cannot write: \(error.localizedDescription)")
                }
            }
            return scratch
        }
    }
}
