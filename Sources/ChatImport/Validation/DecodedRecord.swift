import ChatModel

/// One record after parsing and the rules that need only the item itself. Made in parallel;
/// the reference checks that follow need the whole file and run in order.
struct DecodedRecord {
    var line: Int
    var type: ItemType?
    /// The `type` as written, for error reports of unknown types.
    var typeName: String
    /// The item's `data` as read: what an error report shows as `item`. Null for a record
    /// read by the flat path: see `dataBytes`.
    var data: JSONValue
    /// Where the `data` object is in the batch's bytes, for a record read by the flat path
    /// (valid items only): its tree is made from there only if an error report needs it.
    var dataBytes: Range<Int>? = nil
    var item: ImportItem?
    var errors: [String]
    /// The item's keys hashed for the reference checker (`decode(…into:)` with a seed).
    var keyHashes = KeyHashes()

    /// The line holds a NUL byte or is not UTF-8: no text format, let alone JSON (set only
    /// for a line that did not parse, where it is worth the look).
    var isBinary = false

    /// The line did not parse as a JSON object (binary, or text of another kind).
    var isNotAnObject: Bool { data.isNull && typeName.isEmpty && !errors.isEmpty }

    /// Reads the line by the flat path when it can (no tree, the same rules), else by the tree.
    /// `scratch` and `distinctIDs` are the calling thread's, reused from line to line.
    static func decode(
        _ bytes: UnsafeBufferPointer<UInt8>,
        line: Int,
        types: ImportChannelTypes,
        distinctIDs: DistinctChannelIDs? = nil,
        scratch: inout [FlatObject.Member]
    ) -> DecodedRecord {
        withUnsafeTemporaryAllocation(of: DecodedRecord.self, capacity: 1) { slot in
            decode(bytes, line: line, offset: 0, types: types, distinctIDs: distinctIDs, scratch: &scratch, into: slot.baseAddress!)
            return slot.baseAddress!.move()
        }
    }

    /// As above, made in `slot` (uninitialised), where it stays: a record is a few hundred
    /// bytes, and each move of a returned one was a `memmove`, millions of them a file.
    /// `offset` is where the line starts in its batch's bytes, which `dataBytes` counts in.
    /// With `keySeed` (the reference checker's), a flat-path item's `keyHashes` are made too.
    static func decode(
        _ bytes: UnsafeBufferPointer<UInt8>,
        line: Int,
        offset: Int,
        types: ImportChannelTypes,
        distinctIDs: DistinctChannelIDs?,
        keySeed: IDTable.Seed? = nil,
        scratch: inout [FlatObject.Member],
        into slot: UnsafeMutablePointer<DecodedRecord>
    ) {
        if !decodeFlat(
            bytes,
            line: line,
            offset: offset,
            types: types,
            distinctIDs: distinctIDs,
            keySeed: keySeed,
            scratch: &scratch,
            into: slot
        ) {
            slot.initialize(to: decode(bytes, line: line, types: types, distinctIDs: distinctIDs))
        }
    }

    /// The flat path: false (and `slot` left as it was) when the line is not of the plain shape
    /// `FlatLineScanner` reads, or when the item breaks a rule (the tree path then reports it,
    /// with the item as written).
    private static func decodeFlat(
        _ bytes: UnsafeBufferPointer<UInt8>,
        line: Int,
        offset: Int,
        types: ImportChannelTypes,
        distinctIDs: DistinctChannelIDs?,
        keySeed: IDTable.Seed?,
        scratch: inout [FlatObject.Member],
        into slot: UnsafeMutablePointer<DecodedRecord>
    ) -> Bool {
        var scanner = FlatLineScanner(bytes)
        guard let (typeBytes, dataBytes) = scanner.scan(into: &scratch),
            let type = ItemType(name: String(decoding: UnsafeBufferPointer(rebasing: bytes[typeBytes]), as: UTF8.self))
        else { return false }
        let (item, errors, keyHashes) = scratch.withUnsafeBufferPointer {
            let data = FlatObject(bytes: bytes, members: $0)
            let (item, errors) = decode(type, data, types: types, distinctIDs: distinctIDs)
            return (item, errors, keySeed.map { KeyHashes(type, data, seed: $0) } ?? KeyHashes())
        }
        guard let item, errors.isEmpty else { return false }
        slot.initialize(
            to: DecodedRecord(
                line: line,
                type: type,
                typeName: type.name,
                data: .null,
                dataBytes: (dataBytes.lowerBound + offset)..<(dataBytes.upperBound + offset),
                item: item,
                errors: [],
                keyHashes: keyHashes
            )
        )
        return true
    }

    /// The tree path: parses the whole line, and reads anything.
    static func decode(
        _ bytes: UnsafeBufferPointer<UInt8>,
        line: Int,
        types: ImportChannelTypes,
        distinctIDs: DistinctChannelIDs? = nil
    ) -> DecodedRecord {
        var record = DecodedRecord(line: line, type: nil, typeName: "", data: .null, item: nil, errors: [])
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            record.errors = ["Parse error: " + error.message]
            record.isBinary = bytes.contains(0) || String(validating: bytes, as: UTF8.self) == nil
            return record
        }
        guard case .object(let envelope) = value else {
            record.errors = [
                "Parse error: json: cannot unmarshal \(value.typeName) into an import item (expected {\"type\":…,\"data\":{…}})"
            ]
            return record
        }
        // `item` is the older JSON-array format's name for `data`.
        let payload = envelope["data"] ?? envelope["item"]
        record.data = payload ?? value
        guard let typeValue = envelope["type"], !typeValue.isNull else {
            record.errors = ["Validation error: \"type\" required"]
            return record
        }
        guard case .string(let typeName) = typeValue else {
            record.errors = ["Parse error: json: cannot unmarshal \(typeValue.typeName) into field type of type string"]
            return record
        }
        record.typeName = typeName
        guard let type = ItemType(name: typeName) else {
            record.errors = ["Parse error: invalid item type \"\(typeName)\""]
            return record
        }
        record.type = type
        record.typeName = type.name
        guard let payload, !payload.isNull else {
            record.errors = ["Validation error: \"data\" required"]
            return record
        }
        guard case .object(let data) = payload else {
            record.errors = ["Parse error: json: cannot unmarshal \(payload.typeName) into field data of type object"]
            return record
        }
        let (item, errors) = decode(type, data, types: types, distinctIDs: distinctIDs)
        record.item = item
        record.errors = errors
        return record
    }

    private static func decode(
        _ type: ItemType,
        _ data: some FieldSource,
        types: ImportChannelTypes,
        distinctIDs: DistinctChannelIDs?
    ) -> (ImportItem?, [String]) {
        switch type {
        case .user: UserRules.decode(data)
        case .device: DeviceRules.decode(data)
        case .futureChannelBan: FutureChannelBanRules.decode(data)
        case .channel: ChannelRules.decode(data, customTypes: types.custom)
        case .member: MemberRules.decode(data, distinctIDs: distinctIDs)
        case .message:
            MessageRules.decode(
                data,
                maxTextLength: types.maxMessageLength(forType: data["channel_type"]?.stringValue),
                distinctIDs: distinctIDs
            )
        case .reaction: ReactionRules.decode(data)
        case .poll: PollRules.decode(data)
        case .pollVote: PollRules.decodeVote(data)
        }
    }
}
