import ChatImport
import ChatModel

/// Validates import files meant to be imported one after the other (a split file's parts):
/// each is checked as Stream would check it after the ones before it were imported, so a
/// reference to a user or a message of an earlier part holds. Only the ids references need
/// are kept, in memory, never the items.
final class FileSequence: ImportSink, ExistingItems {
    private var users: [String: [String]] = [:]
    private var channels: [String: String] = [:]
    private var messages: [String: (cid: String, isReply: Bool)] = [:]
    private var polls: [String: Poll] = [:]

    /// Validates `path` after the files already given. After a file with errors the sequence
    /// holds part of it: stop there.
    func validate(_ path: String, options: ImportAnalyzer.Options, progress: ((ImportProgress) -> Void)?) throws -> ImportResult {
        try ImportAnalyzer(existing: self, sink: self, options: options).run(path: path, progress: progress)
    }

    func write(_ item: ImportItem) throws -> ImportWriteOutcome {
        switch item {
        case .user(let user): users[user.id] = user.teams ?? []
        case .channel(let channel): channels[channel.cid] = channel.team ?? ""
        case .message(let message): messages[message.id] = (message.cid, message.parentID != nil)
        case .poll(let poll): polls[poll.id] = poll
        case .device, .futureChannelBan, .member, .reaction, .pollVote: break
        }
        return .written
    }

    func userTeams(_ id: String) -> [String]? { users[id] }
    func channelTeam(cid: String) -> String? { channels[cid] }
    func message(_ id: String) -> (cid: String, isReply: Bool)? { messages[id] }
    func poll(_ id: String) -> Poll? { polls[id] }
}
