import ChatModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes an import file item by item through a 1 MiB buffer ("-" is standard output).
public final class ImportFileWriter {
    private let file: UnsafeMutablePointer<FILE>
    private let path: String
    private var buffer: [UInt8] = []
    private let writer = JSONWriter()
    public private(set) var counts = ItemCounts()

    public init(path: String) throws(ImportFileError) {
        self.path = path
        // fdopen rather than the C global `stdout`, which Swift 6 treats as shared mutable state.
        guard let f = path == "-" ? fdopen(STDOUT_FILENO, "w") : fopen(path, "w") else {
            throw ImportFileError(path: path, reason: String(cString: strerror(errno)))
        }
        file = f
        buffer.reserveCapacity(1 << 20)
    }

    /// Appends `{"type":…,"data":…}` and a newline.
    public func write(_ type: ItemType, _ data: JSONObject) throws(ImportFileError) {
        buffer.append(contentsOf: #"{"type":""#.utf8)
        buffer.append(contentsOf: type.name.utf8)
        buffer.append(contentsOf: #"","data":"#.utf8)
        writer.write(.object(data), into: &buffer, indent: 0)
        buffer.append(contentsOf: "}\n".utf8)
        counts[type] += 1
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Appends a bare JSON object and a newline (JSON Lines of another format, such as a Chatkit export's).
    public func writeLine(_ object: JSONObject) throws(ImportFileError) {
        writer.write(.object(object), into: &buffer, indent: 0)
        buffer.append(0x0A)
        if buffer.count >= 1 << 20 { try flush() }
    }

    public func close() throws(ImportFileError) {
        try flush()
        if fclose(file) != 0 { throw ImportFileError(path: path, reason: String(cString: strerror(errno))) }
    }

    private func flush() throws(ImportFileError) {
        let written = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        guard written == buffer.count else { throw ImportFileError(path: path, reason: String(cString: strerror(errno))) }
        buffer.removeAll(keepingCapacity: true)
    }
}
