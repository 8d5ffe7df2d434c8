import Foundation

/// The export fixtures made for the tests (`Tests/Fixtures`): a Slack workspace export and a
/// Mattermost bulk export, as folders and as the ZIPs `make-zips.py` builds from them, and
/// hostile archives.
public enum ExportFixtures {
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures").path

    public static var slackFolder: String { root + "/slack-export" }
    public static var slackZip: String { root + "/slack-export.zip" }
    public static var mattermostLines: String { root + "/mattermost-export/import.jsonl" }
    public static var mattermostZip: String { root + "/mattermost-export.zip" }
    public static func hostile(_ name: String) -> String { root + "/hostile/\(name).zip" }

    /// A copy of the Slack folder in `directory`, to break or extend.
    public static func copySlackFolder(into directory: TemporaryDirectory, name: String = "slack-copy") -> String {
        let copy = directory.file(name)
        try! FileManager.default.copyItem(atPath: slackFolder, toPath: copy)
        return copy
    }
}
