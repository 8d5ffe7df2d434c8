import ChatCore
import XCTest

@testable import TerminalUI

/// What a notification puts on the terminal and hands notify-send: hostile text cannot end
/// the sequence, start another or split its fields; the sequence suits the terminal.
final class NotifierTests: XCTestCase {
    private let hostile = NewMessageAlert(
        title: "Eve;\u{1B}]0;pwned\u{07} in #gen\u{9B}2J\u{9C}",
        body: "hi\u{1B}\\ there;\r\nsecond\tline \u{202E}evil\u{202C} \u{1B}[6n\u{7F}\u{00}<b>&</b>"
    )

    private func notifier(_ output: NotificationOutput = NotificationOutput(), _ environment: [String: String] = [:]) -> Notifier {
        Notifier(output: output, environment: environment)
    }

    func testHostileTextBecomesOneHarmlessLine() {
        XCTAssertEqual(OSCSanitizer.field(hostile.title, limit: 80), "Eve；]0；pwned in #gen2J")
        XCTAssertEqual(OSCSanitizer.field(hostile.body, limit: 200), "hi\\ there； second line evil [6n<b>&</b>")
        let cleaned = OSCSanitizer.field(hostile.title + hostile.body, limit: 500)
        XCTAssertFalse(cleaned.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }, cleaned)
        XCTAssertFalse(cleaned.contains(";"))
        XCTAssertEqual(OSCSanitizer.field("  \n\n ", limit: 10), "")
    }

    func testLongTextIsCutWithAnEllipsisByCharactersAndBytes() {
        let long = OSCSanitizer.field(String(repeating: "ab ", count: 100), limit: 20)
        XCTAssertEqual(long, "ab ab ab ab ab ab a…")
        XCTAssertEqual(long.count, 20)
        // One character of a thousand combining marks is one character but many bytes.
        let zalgo = OSCSanitizer.field("x" + String(repeating: "\u{301}", count: 1000) + " y", limit: 20)
        XCTAssertLessThanOrEqual(zalgo.utf8.count, 80)
        XCTAssertTrue(zalgo.hasSuffix("…"))
        XCTAssertEqual(OSCSanitizer.field("👩‍💻 ok", limit: 20), "👩‍💻 ok", "emoji sequences keep their joiners")
    }

    func testTheSequenceCarriesOnlySanitizedFields() {
        let bytes = notifier(NotificationOutput(method: .osc777), [:]).terminalBytes(for: hostile)
        XCTAssertEqual(
            bytes,
            "\u{1B}]777;notify;Eve；]0；pwned in #gen2J;hi\\ there； second line evil [6n<b>&</b>\u{1B}\\\u{07}"
        )
        // Exactly one ESC opens and one ST closes; nothing from the data adds any.
        XCTAssertEqual(bytes.filter { $0 == "\u{1B}" }.count, 2)
        XCTAssertEqual(bytes.filter { $0 == ";" }.count, 3, "OSC 777's own fields only")
        let osc9 = notifier(NotificationOutput(method: .osc9, bell: false)).terminalBytes(for: NewMessageAlert(title: "Bob", body: "4;3"))
        XCTAssertEqual(osc9, "\u{1B}]9;Bob: 4；3\u{1B}\\", "no `;` to read as an OSC 9 command")
    }

    func testTheTerminalDecidesTheSequenceAndTmuxWrapsOrRingsTheBell() {
        let alert = NewMessageAlert(title: "Bob in #general", body: "hi")
        XCTAssertEqual(notifier(.init(), ["TERM": "xterm-256color"]).terminalBytes(for: alert), "\u{07}", "unknown terminal: the bell")
        XCTAssertEqual(notifier(.init(), ["TERM_PROGRAM": "WezTerm"]).sequence, .osc777)
        XCTAssertEqual(notifier(.init(), ["TERM": "foot"]).sequence, .osc777)
        XCTAssertEqual(notifier(.init(), ["TERM_PROGRAM": "iTerm.app"]).sequence, .osc9)
        XCTAssertEqual(notifier(.init(), ["TERM": "xterm-kitty"]).sequence, .osc9)
        XCTAssertNil(notifier(.init(), ["TERM_PROGRAM": "WezTerm", "TMUX": "/tmp/tmux-1/default,1,0"]).sequence, "auto in tmux: the bell")
        let forced = notifier(.init(method: .osc777, bell: false), ["TMUX": "/tmp/tmux-1/default,1,0"]).terminalBytes(for: alert)
        XCTAssertEqual(forced, "\u{1B}Ptmux;\u{1B}\u{1B}]777;notify;Bob in #general;hi\u{1B}\u{1B}\\\u{1B}\\")
        XCTAssertEqual(notifier(.init(method: .bell, bell: false)).terminalBytes(for: alert), "\u{07}", "the bell method rings")
        XCTAssertEqual(notifier(.init(method: .none, bell: false)).terminalBytes(for: alert), "", "none and no bell: silence")
        XCTAssertEqual(notifier(.init(method: .none, bell: true)).terminalBytes(for: alert), "\u{07}")
    }

    func testNotifySendGetsArgumentsNotAShellAndEscapedMarkup() {
        let arguments = notifier(.init(notifySend: true)).notifySendArguments(
            for: NewMessageAlert(title: "-x $(rm -rf ~)", body: "<b>&amp;</b>\u{1B}[2J")
        )
        XCTAssertEqual(arguments, ["notify-send", "--app-name=chatterm", "--", "-x $(rm -rf ~)", "&lt;b&gt;&amp;amp；&lt;/b&gt;[2J"])
    }
}
