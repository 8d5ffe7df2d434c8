import ChatModel

/// Word lists for synthetic chat: enough variety that a generated channel reads like one.
enum SyntheticContent {
    static let firstNames = [
        "Ada", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kemi", "Liam", "Mina", "Noah",
        "Olga", "Priya", "Quinn", "Rosa", "Sami", "Tomas", "Uma", "Victor", "Wen", "Ximena", "Yusuf", "Zoe",
    ]
    static let lastNames = [
        "Okafor", "Lindqvist", "Moreau", "Tanaka", "Silva", "Kowalski", "Haddad", "Novak", "Rossi", "Chen", "Byrne",
        "Mensah", "Patel", "Schmidt", "Ivanova", "Garcia",
    ]
    static let topics = [
        "general", "random", "engineering", "design", "support", "sales", "launch", "ops", "mobile", "web", "data",
        "security", "hiring", "social", "feedback",
    ]
    static let words = [
        "deploy", "review", "the", "build", "is", "green", "again", "can", "someone", "look", "at", "this", "bug",
        "release", "tomorrow", "morning", "customer", "asked", "about", "export", "we", "should", "ship", "it", "today",
        "migration", "done", "for", "staging", "thanks", "great", "work", "on", "dashboard", "latency", "dropped",
        "after", "cache", "fix", "meeting", "moved", "to", "three", "o'clock", "coffee", "anyone", "tests", "flaky",
        "retry", "please", "merged", "branch", "looks", "good", "to", "me", "users", "love", "new", "search", "👍",
        "🎉", "🚀", "lunch", "rollback", "monitoring", "alert", "resolved", "docs", "updated",
    ]
    /// 4 to 19 words.
    static func sentence(_ rng: inout SeededRandom) -> String {
        (0..<(4 + rng.below(16))).map { _ in rng.pick(words) }.joined(separator: " ")
    }
    static let reactionTypes = ["like", "love", "haha", "wow", "sad", "fire", "+1"]
    static let attachmentKinds = ["image", "video", "audio", "file", "giphy"]
}
