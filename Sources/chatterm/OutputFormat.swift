import ArgumentParser

/// `--format` of every command that prints a result: text for people (the default), or JSON
/// for scripts (Stream's shapes where Stream has one).
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
