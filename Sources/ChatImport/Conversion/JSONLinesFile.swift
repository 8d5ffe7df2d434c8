import ChatModel

/// A file of JSON objects, one a line (or one JSON array of them), streamed through the import
/// reader: only one batch of records is in memory at a time.
enum JSONLinesFile {
    /// Calls `body` with each object in order, its place for error messages and the bytes of the
    /// file read so far. A record that is not a JSON object is an error.
    static func forEachObject(_ file: String, _ body: (JSONObject, RecordPlace, Int64) throws -> Void) throws {
        let reader: ImportRecordReader
        do { reader = try ImportRecordReader(path: file) } catch { throw ExportError(file: file, reason: error.reason) }
        while let batch = try nextBatch(reader, file) {
            try batch.bytes.withUnsafeBufferPointer { bytes in
                for record in batch.records {
                    let place = RecordPlace(file: file, line: record.line)
                    if let problem = record.problem { throw place.error(problem) }
                    let value: JSONValue
                    do {
                        value = try JSONParser.parse(UnsafeBufferPointer(rebasing: bytes[record.range]))
                    } catch let error as JSONParseError {
                        throw place.error("malformed JSON: \(error.message)")
                    }
                    guard case .object(let object) = value else {
                        throw place.error("a record must be a JSON object, not \(value.typeName)")
                    }
                    try body(object, place, batch.bytesConsumed)
                }
            }
        }
    }

    private static func nextBatch(_ reader: ImportRecordReader, _ file: String) throws(ExportError) -> ImportRecordBatch? {
        do { return try reader.nextBatch() } catch { throw ExportError(file: file, reason: error.reason) }
    }
}

/// Where a record is, for error messages.
struct RecordPlace {
    var file: String
    var line: Int?

    func error(_ reason: String) -> ExportError { ExportError(file: file, line: line, reason: reason) }
}
