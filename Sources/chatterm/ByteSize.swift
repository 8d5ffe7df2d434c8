import ArgumentParser
import ChatModel
import Foundation

/// A size on the command line: `300MB`, `1.5GB`, `64KB` or plain bytes. Units are binary
/// (1 MB = 1,048,576 bytes), as Stream's 300 MB upload limit is counted.
struct ByteSize: ExpressibleByArgument, Comparable, CustomStringConvertible {
    var bytes: Int64

    /// Stream's limit on one import file.
    static let streamUploadLimit = ByteSize(bytes: 300 << 20)

    init(bytes: Int64) { self.bytes = bytes }

    init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces).uppercased()
        let units: [(String, Int64)] = [
            ("GIB", 1 << 30), ("MIB", 1 << 20), ("KIB", 1 << 10), ("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10), ("G", 1 << 30),
            ("M", 1 << 20), ("K", 1 << 10), ("B", 1),
        ]
        let (suffix, unit) = units.first { text.hasSuffix($0.0) } ?? ("", 1)
        guard let number = Double(text.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)), number.isFinite, number > 0,
            number * Double(unit) < Double(Int64.max)
        else { return nil }
        bytes = Int64(number * Double(unit))
    }

    static func < (a: ByteSize, b: ByteSize) -> Bool { a.bytes < b.bytes }

    /// `300 MB`, `1.5 GB`, `812 bytes`: the largest unit that keeps the number at 1 or more.
    var description: String {
        for (name, unit) in [("GB", Int64(1 << 30)), ("MB", Int64(1 << 20)), ("KB", Int64(1 << 10))] where bytes >= unit {
            let value = Double(bytes) / Double(unit)
            let text = value == value.rounded() ? String(Int64(value)) : String(format: "%.1f", value)
            return "\(text) \(name)"
        }
        return "\(NumberText.grouped(Int(bytes))) bytes"
    }

    /// The size of the file at `path`, or nil when it cannot be read (stat fails).
    static func ofFile(_ path: String) -> ByteSize? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return ByteSize(bytes: Int64(info.st_size))
    }
}
