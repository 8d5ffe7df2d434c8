import ChatImport
import ChatModel
import ChatStore
import ChatTestSupport

/// A small import file whose figures were counted by hand (the counts are in the tests that use it).
enum HandCountedImport {
    private static func message(_ id: String, _ cid: String, _ user: String, _ time: String, _ extra: String = "") -> String {
        let (type, channel) = (cid.split(separator: ":")[0], cid.split(separator: ":")[1])
        return
            #"{"type":"message","data":{"id":"\#(id)","channel_type":"\#(type)","channel_id":"\#(channel)","user":"\#(user)","text":"text of \#(id)","created_at":"2020-01-\#(time)Z"\#(extra)}}"#
    }

    static let dm = #""channel_type":"messaging","channel_member_ids":["alice","bob"]"#

    static let lines: [String] = [
        #"{"type":"user","data":{"id":"alice","name":"Alice"}}"#,
        #"{"type":"user","data":{"id":"bob","name":"Bob"}}"#,
        #"{"type":"user","data":{"id":"carol"}}"#,
        #"{"type":"user","data":{"id":"dave","name":"Dave"}}"#,
        #"{"type":"device","data":{"id":"d1","user_id":"alice","push_provider_type":"firebase"}}"#,
        #"{"type":"device","data":{"id":"d2","user_id":"bob","push_provider_type":"apn"}}"#,
        #"{"type":"device","data":{"id":"d3","user_id":"alice","push_provider_type":"firebase"}}"#,
        #"{"type":"future_channel_ban","data":{"created_by":"alice","target_id":"dave"}}"#,
        #"{"type":"channel","data":{"id":"general","type":"messaging","created_by":"alice","name":"General","banned_users":["dave"]}}"#,
        #"{"type":"channel","data":{"id":"eng","type":"team","created_by":"alice","name":"Eng"}}"#,
        #"{"type":"channel","data":{"id":"town","type":"livestream","created_by":"alice"}}"#,
        #"{"type":"channel","data":{"member_ids":["alice","bob"],"type":"messaging","created_by":"alice"}}"#,
        #"{"type":"member","data":{"channel_type":"messaging","channel_id":"general","user_id":"alice","last_read":"2020-01-01T10:00:00Z"}}"#,
        #"{"type":"member","data":{"channel_type":"messaging","channel_id":"general","user_id":"bob"}}"#,
        #"{"type":"member","data":{"channel_type":"messaging","channel_id":"general","user_id":"carol"}}"#,
        #"{"type":"member","data":{"channel_type":"team","channel_id":"eng","user_id":"alice"}}"#,
        #"{"type":"member","data":{"channel_type":"team","channel_id":"eng","user_id":"bob","last_read":"2020-01-01T00:00:00Z"}}"#,
        // Hidden with a read position: its unread message must not count.
        #"{"type":"member","data":{\#(dm),"user_id":"alice","hide_channel":true,"last_read":"2020-01-01T00:00:00Z"}}"#,
        #"{"type":"member","data":{\#(dm),"user_id":"bob"}}"#,
        message(
            "g1",
            "messaging:general",
            "alice",
            "01T09:00:00",
            #","attachments":[{"type":"image","image_url":"https://cdn.example/a.png"}]"#
        ),
        message(
            "g2",
            "messaging:general",
            "bob",
            "01T11:00:00",
            #","mentioned_channel":true,"attachments":[{"type":"file","asset_url":"https://bucket.s3.amazonaws.com/x.pdf?X-Amz-Expires=3600&X-Amz-Signature=abc"},{"type":"image","image_url":"https://cdn.example/b.png"}]"#
        ),
        message("g3", "messaging:general", "bob", "02T12:00:00", #","type":"reply","parent_id":"g1""#),
        message("g4", "messaging:general", "carol", "02T13:00:00", #","type":"reply","parent_id":"g1","show_in_channel":true"#),
        message("g5", "messaging:general", "carol", "08T10:00:00", #","type":"deleted","deleted_at":"2020-01-08T10:30:00Z""#),
        message("g6", "messaging:general", "alice", "08T11:00:00", #","type":"system","mentioned_roles":[]"#),
        message(
            "g7",
            "messaging:general",
            "bob",
            "20T10:00:00",
            #","type":"reply","parent_id":"g2","pinned_at":"2020-01-20T11:00:00Z","pinned_by_id":"alice""#
        ),
        message("e1", "team:eng", "alice", "03T10:00:00", #","poll_id":"lunch","mentioned_here":true,"mentioned_roles":["admin"]"#),
        message(
            "e2",
            "team:eng",
            "alice",
            "03T11:00:00",
            #","restricted_visibility":["alice","bob"],"attachments":[{"type":"video","asset_url":"https://cdn.example/v.mp4?Expires=1600000000&Signature=x"}]"#
        ),
        #"{"type":"message","data":{"id":"m1",\#(dm),"user":"bob","text":"hi","created_at":"2020-01-21T10:00:00Z"}}"#,
        #"{"type":"reaction","data":{"message_id":"g1","type":"like","user_id":"alice","created_at":"2020-01-01T09:05:00Z"}}"#,
        #"{"type":"reaction","data":{"message_id":"g1","type":"like","user_id":"bob","created_at":"2020-01-02T09:05:00Z"}}"#,
        #"{"type":"reaction","data":{"message_id":"g1","type":"love","user_id":"carol","created_at":"2020-01-02T09:05:00Z"}}"#,
        #"{"type":"reaction","data":{"message_id":"e1","type":"like","user_id":"bob","created_at":"2020-01-02T09:05:00Z"}}"#,
        #"{"type":"poll","data":{"id":"lunch","name":"Lunch?","created_by_id":"alice","allow_answers":true,"options":[{"id":"a","text":"Pho"},{"id":"b","text":"Tacos"}]}}"#,
        #"{"type":"poll_vote","data":{"id":"v1","poll_id":"lunch","option_id":"a","user_id":"bob","created_at":"2020-01-03T11:00:00Z"}}"#,
        #"{"type":"poll_vote","data":{"id":"v2","poll_id":"lunch","option_id":"b","user_id":"bob","created_at":"2020-01-03T11:01:00Z"}}"#,
        #"{"type":"poll_vote","data":{"id":"v3","poll_id":"lunch","is_answer":true,"answer_text":"Soup","user_id":"alice","created_at":"2020-01-03T11:02:00Z"}}"#,
    ]

    /// A store with the file imported, and the file's path.
    static func store(in directory: TemporaryDirectory, name: String = "hand") throws -> (ChatStore, String) {
        let store = try TestStore.open(directory.file(name + ".sqlite"))
        let path = directory.write(name + ".jsonl", lines: lines)
        let task = try store.runImport(path: path, mode: .upsert) { try ImportAnalyzer(existing: $0, sink: $1).run(path: path) }
        guard task.state == .completed else { throw ImportIssue(error: "\(task.result ?? .null)", itemType: "", item: .null, line: nil) }
        return (store, path)
    }
}
