import ChatCore
import ChatModel

/// OSC 8 hyperlinks (`ESC ] 8 ; ; URL ESC \ label ESC ] 8 ; ; ESC \`): a URL in a message's
/// text is drawn as itself and, in terminals that know OSC 8, opens on a click. The label is
/// the cells' own sanitized text; the target is built here, from http, https and mailto URLs
/// only, with nothing that could end the sequence early (ESC, BEL, C0, C1) or split it.
enum Hyperlink {
    /// Longer targets are refused: terminals drop them (VTE stops at 2083 bytes).
    static let maxTarget = 2048

    /// What OSC 8 carries for `url`: the URL with spaces and non-ASCII percent-encoded; nil for
    /// another scheme, a control or format character anywhere, or a target too long.
    static func target(_ url: String) -> String? {
        let lower = url.lowercased()
        guard let scheme = TextLinks.schemes.first(where: { lower.hasPrefix($0) }), url.count > scheme.count else { return nil }
        var target = ""
        for scalar in url.unicodeScalars {
            if scalar == " " {
                target += "%20"
            } else if UnsafeScalar(scalar) != nil {
                return nil
            } else if scalar.value < 0x7F {
                target.unicodeScalars.append(scalar)
            } else {
                for byte in String(scalar).utf8 { target += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2) }
            }
        }
        return target.utf8.count <= maxTarget ? target : nil
    }

    static func open(_ target: String) -> String { "\u{1B}]8;;" + target + "\u{1B}\\" }
    static let close = "\u{1B}]8;;\u{1B}\\"

    /// For each of `lines` (a wrapping of `text`), the character ranges that show a link and
    /// its target. A URL cut by the wrapping links on every line it is on. The wrapper drops
    /// only spaces and line feeds between lines, so each line is found in order in the text;
    /// a line not found there (a cluster too wide for the line, shown as "…") ends the search.
    static func spans(of text: SanitizedText, lines: [String]) -> [[(range: Range<Int>, target: String)]] {
        let links = TextLinks.find(in: text.value).compactMap { link in target(link.url).map { (link.range, $0) } }
        guard !links.isEmpty else { return lines.map { _ in [] } }
        let characters = Array(text.value)
        var start = 0
        var found: [[(range: Range<Int>, target: String)]] = []
        for line in lines {
            let shown = Array(line)
            while start < characters.count, !characters[start...].starts(with: shown), characters[start] == " " || characters[start] == "\n"
            {
                start += 1
            }
            guard characters[start...].starts(with: shown) else { break }
            let here = start..<(start + shown.count)
            found.append(
                links.compactMap { range, target in
                    let overlap = range.clamped(to: here)
                    return overlap.isEmpty ? nil : ((overlap.lowerBound - start)..<(overlap.upperBound - start), target)
                }
            )
            start = here.upperBound
        }
        return found + Array(repeating: [], count: lines.count - found.count)
    }

    /// `segments` (one line's, in order) cut where `spans` begin and end, the linked parts
    /// carrying their target.
    static func link(_ segments: [Segment], spans: [(range: Range<Int>, target: String)]) -> [Segment] {
        guard !spans.isEmpty else { return segments }
        var out: [Segment] = []
        var offset = 0
        for segment in segments {
            let characters = Array(segment.text.value)
            let here = offset..<(offset + characters.count)
            var cuts = Set([here.lowerBound, here.upperBound])
            for span in spans where span.range.overlaps(here) {
                cuts.formUnion([span.range.lowerBound, span.range.upperBound].filter { here.contains($0) })
            }
            let points = cuts.sorted()
            for (from, to) in zip(points, points.dropFirst()) where from < to {
                var piece = segment
                // A piece of sanitized text cut between clusters is sanitized.
                piece.text = SanitizedText(alreadySanitized: String(characters[(from - offset)..<(to - offset)]))
                piece.link = spans.first { $0.range.contains(from) }?.target
                out.append(piece)
            }
            offset = here.upperBound
        }
        return out
    }
}

extension Frame {
    /// The rows with linked cells here or in `previous` that have cells to draw: `Screen` has
    /// ncurses repaint them whole (it would skip a cell whose text did not change while its
    /// link did) and writes their links over them.
    func rowsWithLinks(changedAmong cells: [(x: Int, y: Int)], since previous: Frame?) -> [Int] {
        Set(cells.map(\.y)).sorted().filter { y in
            (0..<width).contains { self[$0, y].link != 0 }
                || (previous.map { old in y < old.height && (0..<old.width).contains { old[$0, y].link != 0 } } ?? false)
        }
    }

    /// Row `y`'s runs of cells that link to one target, as the terminal gets them: each run's
    /// cells' text inside one OSC 8 hyperlink, every cell in its style (`sgr`).
    func linkRuns(row y: Int, sgr: (Style) -> String) -> [(x: Int, text: String)] {
        var runs: [(x: Int, text: String)] = []
        var x = 0
        while x < width {
            let number = self[x, y].link
            guard number != 0 else {
                x += 1
                continue
            }
            let start = x
            var text = Hyperlink.open(linkTargets[Int(number) - 1])
            while x < width, self[x, y].link == number {
                if !self[x, y].text.isEmpty { text += sgr(self[x, y].style) + self[x, y].text }
                x += 1
            }
            runs.append((start, text + Hyperlink.close))
        }
        return runs
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String { String(repeating: "0", count: max(0, length - count)) + self }
}
