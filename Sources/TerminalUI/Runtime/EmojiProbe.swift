#if canImport(Glibc)
import Glibc
#endif

/// Measures how wide the terminal draws each kind of emoji sequence, once at start: it writes a
/// sample in the top left corner and asks where the cursor went (DSR 6, answered
/// `ESC [ row ; column R`), all kinds in one round trip. Terminals differ by age and font, and
/// neither `wcwidth` nor ncurses knows (terminal-clients.md §5): tmux 3.3a draws 🇫🇷 and 👩‍💻 in
/// two cells, ❤️ and 1️⃣ in one, 👍🏽 in four.
enum EmojiProbe {
    /// The kinds the terminal draws in one or two cells, the two the layout gives them (in one,
    /// the second stays blank). A kind with no answer within the time is taken to be drawn:
    /// every terminal that answers nothing is one we know nothing against.
    static func drawnKinds(timeoutMilliseconds: Int = 300) -> Set<EmojiSequence> {
        let kinds = EmojiSequence.allCases
        Screen.write(kinds.map { "\u{1B}[1;1H" + $0.sample + "\u{1B}[6n" }.joined() + "\u{1B}[1;1H\u{1B}[2K")
        return drawn(kinds, columns: readReports(count: kinds.count, timeoutMilliseconds: timeoutMilliseconds))
    }

    /// The kinds among `kinds` whose report (`columns`, in the same order, 1-based) shows one or
    /// two cells; those past the reports are kept.
    static func drawn(_ kinds: [EmojiSequence], columns: [Int]) -> Set<EmojiSequence> {
        Set(
            kinds.enumerated().filter { index, _ in
                index >= columns.count || (2...3).contains(columns[index])
            }.map { $0.element }
        )
    }

    /// The columns of the cursor position reports in `bytes`, in order; anything else (a key
    /// typed meanwhile) is skipped.
    static func columns(inReports bytes: [UInt8]) -> [Int] {
        var columns: [Int] = []
        var index = 0
        while index + 1 < bytes.count {
            guard bytes[index] == 0x1B, bytes[index + 1] == UInt8(ascii: "[") else {
                index += 1
                continue
            }
            var cursor = index + 2
            var numbers = [0]
            while cursor < bytes.count {
                let byte = bytes[cursor]
                if (0x30...0x39).contains(byte) {
                    numbers[numbers.count - 1] = numbers[numbers.count - 1] * 10 + Int(byte - 0x30)
                } else if byte == UInt8(ascii: ";") {
                    numbers.append(0)
                } else {
                    break
                }
                cursor += 1
            }
            if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "R"), numbers.count == 2 { columns.append(numbers[1]) }
            index = cursor
        }
        return columns
    }

    /// Reads standard input until `count` reports came or the time is up.
    private static func readReports(count: Int, timeoutMilliseconds: Int) -> [Int] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 256)
        var clock = timespec()
        clock_gettime(CLOCK_MONOTONIC, &clock)
        let deadline = clock.tv_sec * 1000 + clock.tv_nsec / 1_000_000 + timeoutMilliseconds
        while columns(inReports: bytes).count < count {
            clock_gettime(CLOCK_MONOTONIC, &clock)
            let left = deadline - (clock.tv_sec * 1000 + clock.tv_nsec / 1_000_000)
            guard left > 0 else { break }
            var request = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            guard poll(&request, 1, Int32(left)) > 0 else { break }
            let received = buffer.withUnsafeMutableBytes { Glibc.read(STDIN_FILENO, $0.baseAddress, $0.count) }
            guard received > 0 else { break }
            bytes += buffer[0..<received]
        }
        return columns(inReports: bytes)
    }
}
