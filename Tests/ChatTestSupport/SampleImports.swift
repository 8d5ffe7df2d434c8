/// Import lines used across the test suites.
public enum SampleImports {
    /// The example file from Stream's import documentation, verbatim.
    public static let streamDocsExample = [
        #"{"type":"user","data":{"id":"user_001","name":"Jesse","image":"http://getstream.com","created_at":"2017-01-01T01:00:00Z","role":"moderator","invisible":true,"description":"Taj Mahal guitar player at some point"}}"#,
        #"{"type":"device","data":{"id":"device_001","user_id":"user_001","push_provider_type":"firebase","push_provider_name":"firebase"}}"#,
        #"{"type":"channel","data":{"id":"channel_001","type":"messaging","created_by":"user_001","name":"Rock'n Roll Circus"}}"#,
        #"{"type":"member","data":{"channel_type":"messaging","channel_id":"channel_001","user_id":"user_001","is_moderator":true,"created_at":"2017-02-01T02:00:00Z"}}"#,
        #"{"type":"message","data":{"id":"message_001","channel_type":"messaging","channel_id":"channel_001","user":"user_001","text":"Learn how to build a chat app with Stream","type":"regular","created_at":"2017-02-01T02:00:00Z","attachments":[{"type":"video","asset_url":"https://www.youtube.com/watch?v=o-am4BY-dhs","image_url":"https://i.ytimg.com/vi/o-am4BY-dhs/mqdefault.jpg","thumb_url":"https://i.ytimg.com/vi/o-am4BY-dhs/mqdefault.jpg"}]}}"#,
        #"{"type":"reaction","data":{"message_id":"message_001","type":"love","user_id":"user_001","created_at":"2019-03-02T15:00:00Z"}}"#,
    ]

    /// Two users, a channel with both as members, and one message: a base to break rules on.
    public static let base = [
        #"{"type":"user","data":{"id":"alice","name":"Alice"}}"#,
        #"{"type":"user","data":{"id":"bob","name":"Bob"}}"#,
        #"{"type":"channel","data":{"id":"general","type":"messaging","created_by":"alice"}}"#,
        #"{"type":"member","data":{"channel_type":"messaging","channel_id":"general","user_id":"alice"}}"#,
        #"{"type":"member","data":{"channel_type":"messaging","channel_id":"general","user_id":"bob"}}"#,
        #"{"type":"message","data":{"id":"m1","channel_type":"messaging","channel_id":"general","user":"alice","text":"hi","created_at":"2020-01-01T10:00:00Z"}}"#,
    ]
}
