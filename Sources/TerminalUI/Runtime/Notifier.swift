import ChatCore
import ChatModel
import Dispatch

#if canImport(Glibc)
import Glibc
#endif

/// How the reader is told of a new message: the config's `[notifications]`.
public struct NotificationOutput: Sendable, Equatable {
    /// The terminal's desktop notification: `auto` picks OSC 777 or OSC 9 for a terminal known
    /// to show them (none inside tmux, which does not pass them on unasked), `osc777` and `osc9`
    /// force one (inside tmux through its DCS passthrough, which needs `allow-passthrough on`),
    /// `bell` and `none` send none.
    public enum Method: String, CaseIterable, Sendable {
        case auto, osc777, osc9, bell, none

        public static let names = allCases.map(\.rawValue).joined(separator: ", ")
    }

    public var method: Method
    /// The terminal bell rings too (with no desktop notification it rings anyway, unless the
    /// method is `none`).
    public var bell: Bool
    /// `notify-send TITLE BODY` as well (libnotify's command, started without a shell).
    public var notifySend: Bool

    public init(method: Method = .auto, bell: Bool = true, notifySend: Bool = false) {
        self.method = method
        self.bell = bell
        self.notifySend = notifySend
    }
}

/// Turns alerts into what reaches the terminal and the desktop. Every piece of text from the
/// data goes through `OSCSanitizer` first: a title or body cannot end the sequence, start
/// another or split its fields.
public struct Notifier: Sendable {
    public static let titleLimit = 80, bodyLimit = 200

    /// The OSC notification this terminal gets, if any (nil: the bell alone).
    public let sequence: NotificationOutput.Method?
    public let output: NotificationOutput
    /// Inside tmux (`$TMUX`): a forced OSC goes through its DCS passthrough.
    public let insideTmux: Bool

    /// `environment` names the terminal: `TERM_PROGRAM` (iTerm.app, WezTerm, ghostty), `TERM`
    /// (foot, rxvt-unicode, xterm-kitty) and `TMUX`.
    public init(output: NotificationOutput, environment: [String: String]) {
        self.output = output
        insideTmux = !(environment["TMUX"] ?? "").isEmpty
        switch output.method {
        case .osc777, .osc9: sequence = output.method
        case .bell, .none: sequence = nil
        case .auto: sequence = insideTmux ? nil : Self.terminalKind(environment)
        }
    }

    /// The OSC notification a terminal is known to show, by what it calls itself.
    static func terminalKind(_ environment: [String: String]) -> NotificationOutput.Method? {
        let program = environment["TERM_PROGRAM"] ?? ""
        let term = environment["TERM"] ?? ""
        if program == "iTerm.app" || term == "xterm-kitty" { return .osc9 }
        if program == "WezTerm" || program == "ghostty" || term.hasPrefix("foot") || term.hasPrefix("rxvt-unicode") { return .osc777 }
        return nil
    }

    /// The bytes for the terminal: the OSC notification (wrapped for tmux), then the bell.
    public func terminalBytes(for alert: NewMessageAlert) -> String {
        let title = OSCSanitizer.field(alert.title, limit: Self.titleLimit)
        let body = OSCSanitizer.field(alert.body, limit: Self.bodyLimit)
        var bytes = ""
        switch sequence {
        case .osc777?: bytes = "\u{1B}]777;notify;\(title);\(body)\u{1B}\\"
        case .osc9?: bytes = "\u{1B}]9;\(title): \(body)\u{1B}\\"
        default: break
        }
        // tmux hands on what is inside `ESC P tmux; … ESC \`, each ESC of it doubled.
        if insideTmux, !bytes.isEmpty { bytes = "\u{1B}Ptmux;" + bytes.replacing("\u{1B}", with: "\u{1B}\u{1B}") + "\u{1B}\\" }
        if output.bell || (sequence == nil && output.method != .none) { bytes += "\u{07}" }
        return bytes
    }

    /// `notify-send`'s arguments: the body escaped for the daemons that read it as markup.
    public func notifySendArguments(for alert: NewMessageAlert) -> [String] {
        let body = OSCSanitizer.field(alert.body, limit: Self.bodyLimit)
            .replacing("&", with: "&amp;").replacing("<", with: "&lt;")
            .replacing(">", with: "&gt;")
        return ["notify-send", "--app-name=chatterm", "--", OSCSanitizer.field(alert.title, limit: Self.titleLimit), body]
    }

    /// Tells the reader: the terminal's bytes straight to it (between ncurses' frames; an OSC
    /// and a bell move no cursor), and `notify-send` when configured, reaped off the input loop.
    func post(_ alert: NewMessageAlert) -> ChatEvent? {
        let bytes = terminalBytes(for: alert)
        if !bytes.isEmpty { Screen.write(bytes) }
        guard output.notifySend else { return nil }
        do throws(PosixSpawn.Failure) {
            let child = try PosixSpawn.start(
                notifySendArguments(for: alert),
                searchPath: true,
                fileActions: [.null(0), .null(1), .null(2)]
            )
            DispatchQueue.global(qos: .utility).async { _ = PosixSpawn.wait(child) }
            return nil
        } catch {
            return .failed("Could not run notify-send: \(String(cString: strerror(error.code)))")
        }
    }
}
