import ArgumentParser
import Foundation

/// A command line that does not parse: one line `chatterm: <why>` and where to look, exit 64.
/// Help and version requests (ArgumentParser's clean exits) print as ArgumentParser prints them.
enum UsageError {
    static func exit(with error: any Error, arguments: [String]) -> Never {
        guard Chatterm.exitCode(for: error) == .validationFailure else { Chatterm.exit(withError: error) }
        let path = commandPath(arguments)
        if let (word, known) = unknownSubcommand(arguments) {
            let guess = closest(to: word, in: known).map { ": did you mean '\($0)'?" } ?? ""
            OutputStream.standardError.write("chatterm: unknown command '\(terminalSafe(word))'\(guess)\n")
            OutputStream.standardError.write("  \(path.joined(separator: " ")) --help lists the commands\n")
        } else {
            let message = Chatterm.message(for: error).split(separator: "\n").first.map(String.init) ?? "the command line does not parse"
            OutputStream.standardError.write("chatterm: \(terminalSafe(message))\n")
            OutputStream.standardError.write("  see \(path.joined(separator: " ")) --help\n")
        }
        Foundation.exit(ExitStatus.usage)
    }

    /// The commands the arguments name, from the root: ["chatterm", "imports", "get"].
    private static func commandPath(_ arguments: [String]) -> [String] {
        var command: any ParsableCommand.Type = Chatterm.self
        var path = ["chatterm"]
        for argument in arguments {
            guard let next = command.configuration.subcommands.first(where: { $0._commandName == argument }) else { break }
            command = next
            path.append(argument)
        }
        return path
    }

    /// The first word where a command has subcommands and that word names none of them (the
    /// root and `imports`/`chatkit` take no other plain words), with the names it could have been.
    private static func unknownSubcommand(_ arguments: [String]) -> (word: String, known: [String])? {
        var command: any ParsableCommand.Type = Chatterm.self
        for argument in arguments {
            let subcommands = command.configuration.subcommands
            guard !argument.hasPrefix("-"), !subcommands.isEmpty else { return nil }
            guard let next = subcommands.first(where: { $0._commandName == argument }) else {
                return (argument, subcommands.map { $0._commandName } + ["help"])
            }
            command = next
        }
        return nil
    }

    /// The known name within a few edits of `word` (a third of its length, at least one), if any.
    static func closest(to word: String, in known: [String]) -> String? {
        let scored = known.map { ($0, editDistance(Array(word), Array($0))) }.min { $0.1 < $1.1 }
        guard let (name, distance) = scored, distance <= max(1, name.count / 3) else { return nil }
        return name
    }

    /// Levenshtein distance, with a swap of neighbours counted as one edit ("valdiate").
    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }
}
