import Foundation

/// Where themes are found by name: a directory of `NAME.theme` files (the user's), then the
/// themes compiled into the program.
struct ThemeShelf {
    let directory: String
    let builtIn: [String: String]

    /// What errors about a built-in theme name as its file.
    static func builtInPath(_ name: String) -> String { "(built-in)/\(name).theme" }

    /// Every theme name on the shelf, sorted, each once.
    var names: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let inDirectory = files.filter { $0.hasSuffix(".theme") }.map { String($0.dropLast(".theme".count)) }
        return Set(inDirectory).union(builtIn.keys).sorted()
    }
}
