import ChatModel

/// Import v2's `use_import_time_as_op_time`: each item is written as made at the import's time
/// (`created_at`, and a poll's or vote's `updated_at`) instead of at the times the file gives,
/// so an import reads as one operation done now. The file's times are still checked by the
/// import's rules; only what is stored changes.
extension ImportItem {
    func madeAt(_ time: Timestamp) -> ImportItem {
        switch self {
        case .user(var u):
            u.createdAt = time
            return .user(u)
        case .device(var d):
            d.createdAt = time
            return .device(d)
        case .futureChannelBan(var b):
            b.createdAt = time
            return .futureChannelBan(b)
        case .channel(var c):
            c.createdAt = time
            return .channel(c)
        case .member(var m):
            m.createdAt = time
            return .member(m)
        case .message(var m):
            m.createdAt = time
            return .message(m)
        case .reaction(var r):
            r.createdAt = time
            return .reaction(r)
        case .poll(var p):
            (p.createdAt, p.updatedAt) = (time, time)
            return .poll(p)
        case .pollVote(var v):
            (v.createdAt, v.updatedAt) = (time, time)
            return .pollVote(v)
        }
    }
}
