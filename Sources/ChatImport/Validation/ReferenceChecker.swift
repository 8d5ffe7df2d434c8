import ChatModel

/// The checks that need the rest of the file: item order, duplicates, and references to
/// items earlier in the file or already in the store. It holds ids only, so its memory grows
/// with the number of items, not with their size.
struct ReferenceChecker {
    let existing: any ExistingItems
    /// Import v2's `skip_references_check`: an item may name users, channels and messages that
    /// are neither in the file nor in the store. Duplicates, order and the rules between items
    /// that are both known (teams, threads) still hold.
    let skipsReferences: Bool
    private var lastType: ItemType = .user
    /// Users (each one's teams beside it), channels, members, messages and reactions are in
    /// `IDTable`s: millions of ids in little memory.
    private var users = IDTable()
    private var userTeams: [[String]] = []
    private var devices: Set<String> = []
    private var bans = IDTable()  // by creator and target
    private var channels = IDTable()  // by cid
    private var channelTeams: [String] = []
    private var members = IDTable()  // by cid and user
    /// The seed of `messages` and `reactions`, with which the decoding threads hash the keys
    /// they will be probed for (`KeyHashes`).
    let seed = IDTable.Seed.random()
    private var messages: IDTable
    private var messageFacts: [MessageFacts] = []
    private var reactions: IDTable  // by message, type and user
    /// Polls and their votes so far (see `ReferenceChecker+Polls`).
    var polls = PollFacts()
    /// The file's bytes not read yet when the batch being checked began (set by the analyzer):
    /// at the first vote, the tables of votes are sized from it (`checkVote`).
    var bytesLeft = 0
    /// References that may point forward within their own section, settled at the end.
    private var pending: [PendingReference] = []
    /// Distinct channels whose member_ids must each come back as a member item.
    private var distinctChannels: [(cid: String, memberIDs: [String], record: Context)] = []

    private struct MessageFacts {
        /// The channel's index in `channels`, so each message stores 4 bytes, not a string.
        var channel: Int32
        var isReply: Bool
    }

    /// Where an item is, for error reports made after the fact.
    struct Context {
        var line: Int
        var typeName: String
        var data: JSONValue
    }

    private enum PendingReference {
        case user(id: String, field: String, owner: String, context: Context)
        case channel(cid: String, field: String, owner: String, context: Context)
        case message(id: String, field: String, owner: String, cid: String, threadParent: Bool, context: Context)
        case poll(id: String, owner: String, context: Context)
    }

    init(existing: any ExistingItems, skipsReferences: Bool = false) {
        self.existing = existing
        self.skipsReferences = skipsReferences
        messages = IDTable(seed: seed)
        reactions = IDTable(seed: seed)
    }

    /// Sizes the message and reaction tables for a file of `bytes` bytes, so they need not grow
    /// item by item. From the proportions of real exports (and `chatterm generate`): a message
    /// line is about 200 bytes and there is about one reaction for two messages; a file of
    /// other items leaves them partly empty (8 bytes a slot), a denser one grows them as before.
    /// Past 4M messages (a file of about 1 GB) the tables grow as they fill, so a huge file of
    /// other items does not reserve memory it never uses.
    mutating func reserve(forFileBytes bytes: Int) {
        let messageCount = min(bytes / 256, 1 << 22)
        messages.reserve(messageCount)
        messageFacts.reserveCapacity(messageCount)
        reactions.reserve(messageCount / 3)
    }

    // MARK: Per item

    /// Checks Stream's item order; every record with a known type counts, valid or not.
    mutating func checkOrder(_ type: ItemType) -> String? {
        guard type < lastType else {
            lastType = type
            return nil
        }
        return
            "item type \"\(type.name)\" must come before \"\(lastType.name)\" items (order: \(ItemType.allCases.map(\.name).joined(separator: ", ")))"
    }

    /// Starts loading the table slots that checking the item of `hashes` will probe: given a
    /// few items ahead, so that those misses in memory overlap the items in between.
    private func prefetch(_ hashes: KeyHashes) {
        if let hash = hashes.message { messages.prefetch(hash) }
        if let hash = hashes.reaction { reactions.prefetch(hash) }
    }

    /// Checks one item and remembers its keys. Returns the problems found (without prefix).
    /// `hashes` are the item's, when the decoding thread made them (else they are made here);
    /// `ahead` those of an item a few records on, whose slots are prefetched (here rather than
    /// in a call of its own: one call into the checker a record, not two).
    /// `context` is made only for a reference settled at the end.
    mutating func check(
        _ item: ImportItem,
        hashes: KeyHashes = KeyHashes(),
        ahead: KeyHashes = KeyHashes(),
        context: @autoclosure () -> Context
    ) -> [String] {
        prefetch(ahead)
        var problems: [String] = []
        switch item {
        case .user(let u):
            let (index, inserted) = users.insert(u.id)
            if inserted { userTeams.append(u.teams ?? []) } else { userTeams[index] = u.teams ?? [] }
            if !inserted { problems.append(duplicate(u.id)) }
            let owner = { "user \"\(u.id)\"" }
            for (field, ids) in [("user_mutes", u.userMutes), ("blocked_user_ids", u.blockedUserIDs)] {
                for id in ids ?? [] where users.index(of: id) == nil {
                    pending.append(.user(id: id, field: field, owner: owner(), context: context()))
                }
            }
            for cid in u.channelMutes ?? [] {
                pending.append(.channel(cid: cid, field: "channel_mutes", owner: owner(), context: context()))
            }
        case .device(let d):
            if !devices.insert(d.id).inserted { problems.append(duplicate(d.id)) }
            requireUser(d.userID, "user_id", { "device \"\(d.id)\"" }, &problems)
        case .futureChannelBan(let b):
            if !bans.insert(b.createdBy, b.targetID).inserted { problems.append(duplicate("\(b.createdBy)/\(b.targetID)")) }
            let owner = { "future_channel_ban \"\(b.createdBy)/\(b.targetID)\"" }
            requireUser(b.createdBy, "created_by", owner, &problems)
            requireUser(b.targetID, "target_id", owner, &problems)
        case .channel(let c):
            let owner = { "channel \"\(c.cid)\"" }
            if channels.index(of: c.cid) != nil {
                problems.append(duplicate(c.cid))
            } else {
                _ = registerChannel(c.cid, team: c.team ?? "")
            }
            requireUser(c.createdBy, "created_by", owner, &problems)
            for id in c.bannedUsers ?? [] { requireUser(id, "banned_users", owner, &problems) }
            for id in c.memberIDs ?? [] { requireUser(id, "member_ids", owner, &problems) }
            if let ids = c.memberIDs { distinctChannels.append((c.cid, ids, context())) }
        case .member(let m):
            let owner = { "member \"\(m.cid)/\(m.userID)\"" }
            if !members.insert(m.cid, m.userID).inserted { problems.append(duplicate("\(m.cid)/\(m.userID)")) }
            let userTeams = requireUser(m.userID, "user_id", owner, &problems)
            if let channel = requireChannel(type: m.channelType, id: m.channelID, owner, &problems), case let team = channelTeams[channel],
                !team.isEmpty, let userTeams, !userTeams.contains(team)
            {
                problems.append(
                    "user id \"\(m.userID)\" with teams [\(userTeams.joined(separator: " "))] cannot be a member of channel \"\(m.cid)\" with team \"\(team)\""
                )
            }
        case .message(let msg):
            checkMessage(msg, hash: hashes.message, context: context(), &problems)
        case .reaction(let r):
            let key = { "\(r.messageID):\(r.type):\(r.userID)" }
            if !reactions.insert(r.messageID, r.type, r.userID, hash: hashes.reaction).inserted {
                problems.append(duplicate(key()))
            }
            let owner = { "reaction \"\(key())\"" }
            requireUser(r.userID, "user_id", owner, &problems)
            if !skipsReferences, messages.index(of: r.messageID, hash: hashes.message) == nil, existing.message(r.messageID) == nil {
                problems.append(missingMessage(r.messageID, "message_id", owner()))
            }
        case .poll(let p):
            checkPoll(p, &problems)
        case .pollVote(let v):
            checkVote(v, &problems)
        }
        return problems
    }

    private mutating func checkMessage(_ msg: Message, hash: UInt64?, context: @autoclosure () -> Context, _ problems: inout [String]) {
        // The closures capture the id alone: capturing `msg` copied the whole message (a
        // retain of each of its strings) for every message of the file.
        let id = msg.id
        let owner = { "message \"\(id)\"" }
        let channel = requireChannel(type: msg.channelType, id: msg.channelID, owner, &problems)
        requireUser(msg.userID, "user", owner, &problems)
        for id in msg.mentionedUserIDs ?? [] { requireUser(id, "mentioned_users_ids", owner, &problems) }
        for id in msg.restrictedVisibility ?? [] { requireUser(id, "restricted_visibility", owner, &problems) }
        if let id = msg.pinnedByID { requireUser(id, "pinned_by_id", owner, &problems) }
        // The poll item comes after every message, so the reference is settled at the end, where
        // the store is asked only about polls the file never defined. Asking it here asked about
        // every poll of the file: on PostgreSQL each question waited for the rows in flight on
        // the import's connection, 6 of the 16 s of a million messages' import.
        if let id = msg.pollID, !hasPollRules(id) { pending.append(.poll(id: id, owner: owner(), context: context())) }
        // Two calls, not a loop over an array of the two: that array was a heap allocation a message.
        if let target = msg.parentID {
            checkLink(target, field: "parent_id", owner: owner, cid: msg.cid, threadParent: true, context: context(), &problems)
        }
        if let target = msg.quotedMessageID {
            checkLink(target, field: "quoted_message_id", owner: owner, cid: msg.cid, threadParent: false, context: context(), &problems)
        }
        let facts = MessageFacts(channel: channel.map(Int32.init) ?? -1, isReply: msg.parentID != nil)
        let (index, inserted) = messages.insert(id, hash: hash)
        if inserted { messageFacts.append(facts) } else { messageFacts[index] = facts }
        if !inserted { problems.append(duplicate(id)) }
    }

    /// A message's parent or quoted message: checked now when it is known, else settled at the end.
    private mutating func checkLink(
        _ target: String,
        field: String,
        owner: () -> String,
        cid: String,
        threadParent: Bool,
        context: @autoclosure () -> Context,
        _ problems: inout [String]
    ) {
        if let problem = messageLink(target, field: field, owner: owner, cid: cid, threadParent: threadParent) {
            problems.append(problem)
        } else if lookUpMessage(target) == nil {
            // A parent or quoted message may come later in the messages section.
            pending.append(.message(id: target, field: field, owner: owner(), cid: cid, threadParent: threadParent, context: context()))
        }
    }

    // MARK: End of file

    /// Settles forward references and distinct-channel membership once every item was seen.
    mutating func finish() -> [(Context, String)] {
        var out: [(Context, String)] = []
        for reference in pending where !(skipsReferences && isMissing(reference)) {
            switch reference {
            case .user(let id, let field, let owner, let context):
                if users.index(of: id) == nil, existing.userTeams(id) == nil { out.append((context, missingUser(id, field, owner))) }
            case .channel(let cid, let field, let owner, let context):
                if channels.index(of: cid) == nil, existing.channelTeam(cid: cid) == nil {
                    out.append(
                        (
                            context,
                            "\(field) channel \"\(cid)\" doesn't exist (\(owner)). please include all channels as separate channel entries"
                        )
                    )
                }
            case .message(let id, let field, let owner, let cid, let threadParent, let context):
                if lookUpMessage(id) == nil {
                    out.append((context, missingMessage(id, field, owner)))
                } else if let problem = messageLink(id, field: field, owner: { owner }, cid: cid, threadParent: threadParent) {
                    out.append((context, problem))
                }
            case .poll(let id, let owner, let context):
                if pollRules(id) == nil { out.append((context, missingPoll(id, "poll_id", owner))) }
            }
        }
        for distinct in distinctChannels where !skipsReferences {
            for id in distinct.memberIDs where members.index(of: distinct.cid, id) == nil {
                out.append(
                    (
                        distinct.record,
                        "member_ids user \"\(id)\" of distinct channel \"\(distinct.cid)\" has no member item. please include all members of distinct channels as separate member entries"
                    )
                )
            }
        }
        return out
    }

    // MARK: Helpers

    /// A forward reference whose target never came.
    private func isMissing(_ reference: PendingReference) -> Bool {
        switch reference {
        case .user(let id, _, _, _): users.index(of: id) == nil && existing.userTeams(id) == nil
        case .channel(let cid, _, _, _): channels.index(of: cid) == nil && existing.channelTeam(cid: cid) == nil
        case .message(let id, _, _, _, _, _): lookUpMessage(id) == nil
        case .poll(let id, _, _): !knowsPoll(id)
        }
    }

    func duplicate(_ key: String) -> String { "duplicated item \"\(key)\"" }

    private func missingUser(_ id: String, _ field: String, _ owner: String) -> String {
        "\(field) user id \"\(id)\" doesn't exist (\(owner)). please include all users as separate user entries"
    }

    private func missingMessage(_ id: String, _ field: String, _ owner: String) -> String {
        "\(field) message \"\(id)\" doesn't exist (\(owner)). please include all messages as separate message entries"
    }

    /// The user's teams when the user exists in the file or the store.
    /// `owner` describes the referring item; it is built only when the reference is broken.
    @discardableResult
    mutating func requireUser(_ id: String, _ field: String, _ owner: () -> String, _ problems: inout [String]) -> [String]? {
        if let index = users.index(of: id) { return userTeams[index] }
        if let teams = existing.userTeams(id) {
            users.insert(id)
            userTeams.append(teams)
            return teams
        }
        if !skipsReferences { problems.append(missingUser(id, field, owner())) }
        return nil
    }

    /// By the channel's type and id: its cid is made only when the file does not have it.
    /// Returns the channel's index in `channels` (its team is `channelTeams[index]`).
    private mutating func requireChannel(type: String, id: String, _ owner: () -> String, _ problems: inout [String]) -> Int? {
        if let index = channels.index(of: type, UInt8(ascii: ":"), id) { return index }
        let cid = ChannelID.cid(type: type, id: id)
        if let team = existing.channelTeam(cid: cid) { return registerChannel(cid, team: team) }
        if !skipsReferences {
            problems.append("channel \"\(cid)\" doesn't exist (\(owner())). please include all channels as separate channel entries")
        }
        return nil
    }

    private mutating func registerChannel(_ cid: String, team: String) -> Int {
        channelTeams.append(team)
        return channels.insert(cid).index
    }

    /// Before a batch is checked, on a store that `looksAhead`: the stored messages its items
    /// may refer to (reactions' messages, replies' parents, quoted messages) that the file has not
    /// had yet, asked about at once. On PostgreSQL a question a reaction waited for the rows in
    /// flight on the import's connection: 100,000 reactions to stored messages took 24 s.
    func lookAhead(at records: DecodedRecords) {
        guard existing.looksAhead else { return }
        var ids: Set<String> = []
        var batchMessages: Set<String> = []
        let unknown = { (id: String?) in
            if let id, messages.index(of: id) == nil { ids.insert(id) }
        }
        for i in 0..<records.count {
            records.withItem(at: i) { item in
                switch item {
                case .reaction(let r)?: unknown(r.messageID)
                case .message(let m)?:
                    batchMessages.insert(m.id)
                    unknown(m.parentID)
                    unknown(m.quotedMessageID)
                default: break
                }
            }
        }
        existing.lookAhead(messages: Array(ids.subtracting(batchMessages)))
    }

    private func lookUpMessage(_ id: String) -> (cid: String, isReply: Bool)? {
        if let index = messages.index(of: id) {
            let facts = messageFacts[index]
            return (facts.channel >= 0 ? channels.key(at: Int(facts.channel)) : "", facts.isReply)
        }
        return existing.message(id)
    }

    /// Why a link to a known message breaks Stream's rules, or nil when it holds or the target is unknown yet.
    private func messageLink(_ target: String, field: String, owner: () -> String, cid: String, threadParent: Bool) -> String? {
        guard let other = lookUpMessage(target) else { return nil }
        if !other.cid.isEmpty, other.cid != cid {
            return "\(field) message \"\(target)\" is in channel \"\(other.cid)\", not in \"\(cid)\" (\(owner()))"
        }
        if threadParent, other.isReply {
            return "parent_id message \"\(target)\" is itself a reply: only one level of threads is allowed (\(owner()))"
        }
        return nil
    }
}
