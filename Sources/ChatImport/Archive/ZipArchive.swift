import CZlib
import Foundation

/// A read-only ZIP archive (a Slack export, a Mattermost bulk export), read entry by entry
/// from its central directory. Built for hostile input:
/// - names with a `..` component or an absolute path are refused (`ExportError`), so nothing
///   the archive names can reach outside the export; symbolic-link entries are never read;
/// - an entry is inflated in 64 KiB steps and stops with an error as soon as it passes the size
///   its header states, or the whole archive passes `totalLimit` (a zip bomb never fills memory
///   or disk);
/// - CRCs are checked.
/// ZIP64 archives (over 4 GiB or 65,535 entries) are refused with the reason.
public final class ZipArchive {
    public struct Entry: Sendable {
        public var name: String
        public var size: Int
        var compressedSize: Int
        var method: UInt16
        var crc: UInt32
        var localHeader: Int
        var isSymlink: Bool
    }

    public let path: String
    public private(set) var entries: [Entry] = []
    /// Most bytes all entries may inflate to, together.
    public let totalLimit: Int64
    /// Most bytes one entry may inflate to (what a reader holds in memory at once).
    public let entryLimit: Int
    private var inflated: Int64 = 0
    private let handle: FileHandle

    /// 20 times the archive, at least 16 MiB, at most 50 GB.
    public static func defaultTotalLimit(archiveSize: Int64) -> Int64 {
        min(50_000_000_000, max(16 << 20, archiveSize * 20))
    }

    public init(path: String, totalLimit: Int64? = nil, entryLimit: Int = 1 << 30) throws(ExportError) {
        self.path = path
        guard let handle = FileHandle(forReadingAtPath: path) else { throw ExportError(file: path, reason: "cannot open the archive") }
        self.handle = handle
        let size = Int64((try? handle.seekToEnd()) ?? 0)
        self.totalLimit = totalLimit ?? Self.defaultTotalLimit(archiveSize: size)
        self.entryLimit = entryLimit
        entries = try readDirectory(size: size)
    }

    deinit { try? handle.close() }

    private func bytes(at offset: Int64, count: Int) throws(ExportError) -> [UInt8] {
        do {
            try handle.seek(toOffset: UInt64(offset))
            let data = try handle.read(upToCount: count) ?? Data()
            guard data.count == count else {
                throw ExportError(file: path, reason: "truncated archive (ends at byte \(offset + Int64(data.count)))")
            }
            return Array(data)
        } catch let error as ExportError {
            throw error
        } catch {
            throw ExportError(file: path, reason: "cannot read the archive: \(error.localizedDescription)")
        }
    }

    private func readDirectory(size: Int64) throws(ExportError) -> [Entry] {
        // The end record is the last 22 bytes, or earlier when a comment (≤ 64 KiB) follows it.
        let tailCount = Int(min(size, 22 + 65_535))
        guard tailCount >= 22 else { throw ExportError(file: path, reason: "not a ZIP archive (too short)") }
        let tail = try bytes(at: size - Int64(tailCount), count: tailCount)
        guard let end = stride(from: tail.count - 22, through: 0, by: -1).first(where: { tail.u32($0) == 0x0605_4B50 }) else {
            throw ExportError(file: path, reason: "not a ZIP archive (no end of central directory)")
        }
        let count = Int(tail.u16(end + 10))
        let directorySize = Int(tail.u32(end + 12))
        let directoryOffset = Int64(tail.u32(end + 16))
        if count == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            throw ExportError(file: path, reason: "ZIP64 archives are not supported: unpack it and pass the folder")
        }
        guard directoryOffset + Int64(directorySize) <= size else {
            throw ExportError(file: path, reason: "the central directory lies past the end of the archive")
        }
        let directory = try bytes(at: directoryOffset, count: directorySize)
        var entries: [Entry] = []
        var at = 0
        for _ in 0..<count {
            guard at + 46 <= directory.count, directory.u32(at) == 0x0201_4B50 else {
                throw ExportError(file: path, reason: "damaged central directory (entry \(entries.count + 1))")
            }
            let nameLength = Int(directory.u16(at + 28))
            let skip = Int(directory.u16(at + 30)) + Int(directory.u16(at + 32))
            guard at + 46 + nameLength <= directory.count else { throw ExportError(file: path, reason: "damaged central directory") }
            let name = String(decoding: directory[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
            try Self.checkName(name, archive: path)
            let mode = directory.u32(at + 38) >> 16
            entries.append(
                Entry(
                    name: name,
                    size: Int(directory.u32(at + 24)),
                    compressedSize: Int(directory.u32(at + 20)),
                    method: directory.u16(at + 10),
                    crc: directory.u32(at + 16),
                    localHeader: Int(directory.u32(at + 42)),
                    isSymlink: directory.u16(at + 4) >> 8 == 3 && mode & 0o170000 == 0o120000
                )
            )
            at += 46 + nameLength + skip
        }
        return entries
    }

    /// Entry names are paths inside the export: never absolute, never climbing out.
    static func checkName(_ name: String, archive: String) throws(ExportError) {
        let parts = name.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "/" || $0 == "\\" })
        if name.hasPrefix("/") || name.hasPrefix("\\") || (parts.first?.count == 2 && parts.first?.last == ":") {
            throw ExportError(file: archive, reason: "entry \"\(name)\" has an absolute path; refusing the archive")
        }
        if parts.contains("..") {
            throw ExportError(file: archive, reason: "entry \"\(name)\" climbs out of the export (..); refusing the archive")
        }
    }

    /// The whole content of `entry`, checked against its stated size, the limits and its CRC.
    public func read(_ entry: Entry) throws(ExportError) -> [UInt8] {
        guard entry.size <= entryLimit else {
            throw ExportError(
                file: "\(path): \(entry.name)",
                reason: "states \(entry.size) bytes, over the \(entryLimit)-byte limit for one file"
            )
        }
        var out: [UInt8] = []
        out.reserveCapacity(min(entry.size, 64 << 20))
        try stream(entry) { out.append(contentsOf: $0) }
        return out
    }

    /// Hands `entry`'s content to `consume` 64 KiB at a time, with the same checks as `read`.
    public func stream(_ entry: Entry, _ consume: (ArraySlice<UInt8>) throws(ExportError) -> Void) throws(ExportError) {
        let place = "\(path): \(entry.name)"
        guard !entry.isSymlink else { throw ExportError(file: place, reason: "a symbolic link; not read") }
        guard inflated + Int64(entry.size) <= totalLimit else {
            throw ExportError(file: place, reason: "the archive expands past \(totalLimit) bytes (a zip bomb?); stopped")
        }
        let header = try bytes(at: Int64(entry.localHeader), count: 30)
        guard header.u32(0) == 0x0403_4B50 else { throw ExportError(file: place, reason: "damaged local header") }
        let dataStart = Int64(entry.localHeader) + 30 + Int64(header.u16(26)) + Int64(header.u16(28))
        var crc: UInt = 0
        var count = 0
        func counted(_ chunk: ArraySlice<UInt8>) throws(ExportError) {
            // Checked before the bytes are passed on: a bomb stops within one chunk of its stated size.
            guard count + chunk.count <= entry.size else {
                throw ExportError(file: place, reason: "expands past its stated size of \(entry.size) bytes (a zip bomb?); stopped")
            }
            count += chunk.count
            crc = chunk.withUnsafeBufferPointer { crc32(crc, $0.baseAddress, uInt($0.count)) }
            try consume(chunk)
        }
        switch entry.method {
        case 0:
            guard entry.compressedSize == entry.size else { throw ExportError(file: place, reason: "stored entry with two sizes") }
            var offset = 0
            while offset < entry.size {
                let chunk = try bytes(at: dataStart + Int64(offset), count: min(entry.size - offset, 64 << 10))
                try counted(chunk[...])
                offset += chunk.count
            }
        case 8:
            try inflate(entry, from: dataStart, place: place, counted)
        default:
            throw ExportError(file: place, reason: "compression method \(entry.method) is not supported (only stored and deflate)")
        }
        inflated += Int64(count)
        guard count == entry.size else {
            throw ExportError(file: place, reason: "inflates to \(count) bytes, not the \(entry.size) it states")
        }
        guard UInt32(crc) == entry.crc else { throw ExportError(file: place, reason: "CRC mismatch: the archive is damaged") }
    }

    private func inflate(
        _ entry: Entry,
        from start: Int64,
        place: String,
        _ consume: (ArraySlice<UInt8>) throws(ExportError) -> Void
    ) throws(ExportError) {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw ExportError(file: place, reason: "cannot start inflating")
        }
        defer { inflateEnd(&stream) }
        var offset = start
        var remaining = entry.compressedSize
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        var status = Z_OK
        while status != Z_STREAM_END {
            guard remaining > 0 else { throw ExportError(file: place, reason: "compressed data ends early") }
            var input = try bytes(at: offset, count: min(remaining, 64 << 10))
            offset += Int64(input.count)
            remaining -= input.count
            let inputCount = input.count
            try input.withUnsafeMutableBufferPointer { (inBuffer) throws(ExportError) in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = uInt(inputCount)
                repeat {
                    let produced = chunk.withUnsafeMutableBufferPointer { outBuffer in
                        stream.next_out = outBuffer.baseAddress
                        stream.avail_out = uInt(outBuffer.count)
                        status = CZlib.inflate(&stream, Z_NO_FLUSH)
                        return outBuffer.count - Int(stream.avail_out)
                    }
                    guard status == Z_OK || status == Z_STREAM_END || (status == Z_BUF_ERROR && produced == 0) else {
                        throw ExportError(file: place, reason: "damaged compressed data (zlib \(status))")
                    }
                    try consume(chunk[0..<produced])
                } while (stream.avail_in > 0 || stream.avail_out == 0) && status != Z_STREAM_END
            }
        }
    }
}

extension [UInt8] {
    fileprivate func u16(_ i: Int) -> UInt16 { UInt16(self[i]) | UInt16(self[i + 1]) << 8 }
    fileprivate func u32(_ i: Int) -> UInt32 { UInt32(u16(i)) | UInt32(u16(i + 2)) << 16 }
}
