import ChatImport
import ChatModel
import ChatStore
import ChatTestSupport
import Report
import XCTest

final class RendererTests: XCTestCase {
    let directory = TemporaryDirectory()
    static let hostileChannel = "<script>alert(1)</script> | pipe\nnew line"

    /// The hand-counted store plus a channel and a user whose names attack each output.
    private func hostileReport(conversion: ConversionFindings? = nil) throws -> MigrationReport {
        let (store, _) = try HandCountedImport.store(in: directory)
        let path = directory.write(
            "hostile.jsonl",
            lines: [
                #"{"type":"user","data":{"id":"mallory","name":"\u001b[31mMallory\u001b]0;owned\u0007 \u202ee\u200bvil\u200f"}}"#,
                #"{"type":"channel","data":{"id":"evil","type":"messaging","created_by":"mallory","name":"<script>alert(1)</script> | pipe\nnew line"}}"#,
                #"{"type":"member","data":{"channel_type":"messaging","channel_id":"evil","user_id":"mallory"}}"#,
                #"{"type":"message","data":{"id":"h1","channel_type":"messaging","channel_id":"evil","user":"mallory","text":"x","created_at":"2020-01-01T08:00:00Z"}}"#,
                #"{"type":"message","data":{"id":"h2","channel_type":"messaging","channel_id":"evil","user":"mallory","text":"x","created_at":"2020-01-01T08:01:00Z"}}"#,
                #"{"type":"message","data":{"id":"h3","channel_type":"messaging","channel_id":"evil","user":"mallory","text":"x","created_at":"2020-01-01T08:02:00Z"}}"#,
            ]
        )
        let task = try store.runImport(path: path, mode: .upsert) { try ImportAnalyzer(existing: $0, sink: $1).run(path: path) }
        XCTAssertEqual(task.state, .completed, "\(task.result ?? .null)")
        return try MigrationReport.make(store: store, importFile: path, conversion: conversion, now: Timestamp(seconds: 1_600_000_000))
    }

    func testHTMLEscapesTheDataAndIsSelfContained() throws {
        let html = try hostileReport().rendered(as: .html)
        XCTAssertFalse(html.lowercased().contains("<script"), "a channel name became markup")
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; | pipe new line"))
        XCTAssertFalse(html.contains("\u{1B}"))
        XCTAssertFalse(html.contains("\u{202E}"))
        // Nothing to fetch: no URL, no src, no link to a style sheet.
        for needle in ["http://", "https://", "src=", "<link", "url(", "@import"] {
            XCTAssertFalse(html.contains(needle), "found \(needle)")
        }
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(html.contains("@media print"))
        // Charts are inline SVG: reactions, busiest channels and users, and the timeline.
        XCTAssertEqual(html.components(separatedBy: "<svg ").count - 1, 4)
        XCTAssertTrue(html.contains("<title>Messages per week</title>"))
    }

    /// A chart's labels fit the 250 px left of its bars as a browser draws them (DejaVu Sans, the
    /// widest of the usual sans fonts): a name of wide letters is cut sooner than one of narrow
    /// ones, rather than running off the page's left edge.
    func testChartLabelsFitTheirColumn() throws {
        let store = try TestStore.open(directory.file("labels.sqlite"))
        let wide = String(repeating: "W", count: 30)
        let names = [wide, "release-coordination-2024"]
        let channels = names.indices.map {
            #"{"type":"channel","data":{"id":"c\#($0)","type":"team","created_by":"u","name":"\#(names[$0])"}}"#
        }
        let messages = names.indices.map {
            #"{"type":"message","data":{"id":"m\#($0)","channel_type":"team","channel_id":"c\#($0)","user":"u","text":"x","created_at":"2020-01-01T00:00:00Z"}}"#
        }
        let path = directory.write("labels.jsonl", lines: [#"{"type":"user","data":{"id":"u"}}"#] + channels + messages)
        let task = try store.runImport(path: path, mode: .upsert) { try ImportAnalyzer(existing: $0, sink: $1).run(path: path) }
        XCTAssertEqual(task.state, .completed, "\(task.result ?? .null)")
        let html = try MigrationReport.make(store: store, now: Timestamp(seconds: 1_600_000_000)).rendered(as: .html)
        let labels = html.components(separatedBy: "<text class=\"label\"").dropFirst().compactMap {
            $0.split(separator: ">", maxSplits: 1).last?.split(separator: "<").first.map(String.init)
        }
        XCTAssertTrue(labels.contains("release-coordination-2024"), "\(labels)")
        let cut = try XCTUnwrap(labels.first { $0.hasPrefix("WWW") }, "\(labels)")
        XCTAssertTrue(cut.hasSuffix("…"), cut)
        XCTAssertLessThanOrEqual(cut.count, 16, "W is about an em wide: 15 px at the labels' size")
    }

    func testMarkdownTablesKeepTheirShape() throws {
        let markdown = try hostileReport().rendered(as: .markdown)
        XCTAssertTrue(markdown.contains(#"&lt;script&gt;alert(1)&lt;/script&gt; \| pipe new line"#), markdown)
        XCTAssertFalse(markdown.contains("\u{1B}"))
        XCTAssertFalse(markdown.contains("\u{7}"))
        // Every table row has as many cells as its header (escaped pipes do not split a cell).
        var expected: Int?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            guard line.hasPrefix("|") else {
                expected = nil
                continue
            }
            XCTAssertTrue(line.hasSuffix(" |") || line.hasSuffix("-|") || line.hasSuffix(":|"), line)
            let cells = line.replacingOccurrences(of: #"\|"#, with: "").filter { $0 == "|" }.count - 1
            if let expected { XCTAssertEqual(cells, expected, line) } else { expected = cells }
        }
        XCTAssertTrue(markdown.contains("| users | 5 |"), "totals table")
        XCTAssertTrue(markdown.contains("|---|---:|"))
        XCTAssertTrue(markdown.contains("## Validation and reconciliation"))
    }

    func testTextStripsControlCharactersAndColoursOnlyWhenAsked() throws {
        let report = try hostileReport()
        let plain = report.rendered(as: .text, color: false)
        XCTAssertFalse(plain.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "a control character reached the terminal")
        XCTAssertFalse(plain.contains("\u{202E}"))
        XCTAssertTrue(plain.contains("[31mMallory]0;owned evil"), "the name is shown without its escapes, bidi marks and zero-width spaces")
        let coloured = report.rendered(as: .text, color: true)
        XCTAssertTrue(coloured.contains("\u{1B}[1;36m━━ Totals"))
        // The only escapes are the renderer's own SGR sequences.
        XCTAssertFalse(coloured.contains("\u{1B}]"))
        XCTAssertEqual(coloured.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression), plain)
    }

    /// Stream's 2026 message fields are counted in the text and HTML reports alike.
    func testTextAndHTMLCountThe2026MessageFields() throws {
        let report = try hostileReport()
        let text = report.rendered(as: .text, color: false)
        let html = report.rendered(as: .html)
        for label in ["visible to some users only", "mentioning @here", "mentioning @channel", "mentioning roles"] {
            let line = try XCTUnwrap(text.split(separator: "\n").first { $0.contains(label) }, label)
            XCTAssertTrue(line.contains("1 (\(NumberText.share(1, of: 13)))"), "\(label): one of 13 messages: \(line)")
            XCTAssertTrue(html.contains(label), label)
        }
    }

    func testJSONHasEveryFigure() throws {
        let json = try XCTUnwrap(try JSONParser.parse(hostileReport().rendered(as: .json)).objectValue)
        XCTAssertEqual(json.keys, ["store", "generated_at", "figures", "validation", "conversion"])
        let figures = try XCTUnwrap(json["figures"]?.objectValue)
        XCTAssertEqual(
            figures.keys,
            [
                "totals", "channels_by_type", "members", "messages", "timeline", "busiest_channels", "busiest_users",
                "threads", "reactions_by_type", "attachments", "unread", "devices_by_provider", "bans",
            ]
        )
        XCTAssertEqual(figures["totals"]?.objectValue?["messages"], .int(13))
        XCTAssertEqual(figures["busiest_channels"]?.arrayValue?.first?.objectValue?["name"], .string("General"))
        XCTAssertEqual(figures["threads"]?.objectValue?["deepest"]?.objectValue?["parent_id"], .string("g1"))
        XCTAssertEqual(figures["attachments"]?.objectValue?["expiring_urls"], .int(2))
        XCTAssertEqual(figures["unread"]?.objectValue?["users_with_unread"], .int(2))
        XCTAssertEqual(figures["members"]?.objectValue?["median_per_channel"]?.doubleValue, 2)
        let messages = try XCTUnwrap(figures["messages"]?.objectValue)
        XCTAssertEqual(
            ["restricted_visibility", "mentioned_here", "mentioned_channel", "mentioned_roles"].map { messages[$0] },
            [.int(1), .int(1), .int(1), .int(1)]
        )
        let validation = try XCTUnwrap(json["validation"]?.objectValue)
        XCTAssertEqual(validation["valid"], .bool(true))
        XCTAssertEqual(validation["reconciliation"]?.arrayValue?.count, ItemType.allCases.count, "a row per item type")
        XCTAssertEqual(json["conversion"], .null)
    }

    /// The conversion section is fed by a plain value, whoever made it.
    func testConversionFindingsGetTheirOwnSection() throws {
        let conversion = ConversionFindings(
            source: "export.json",
            changedIDCount: 12,
            changedIDs: [.init(itemType: "user", from: "Ada Lovelace", to: "ada_lovelace", reason: "not a valid Stream id")],
            dropped: [
                .init(itemType: "message", field: "parts[1]", count: 3, reason: "inline parts are not supported", example: "<b>x</b>")
            ],
            reconciliation: [.init(item: "messages", source: 10, imported: 7, reason: "3 messages had only unsupported parts")]
        )
        let report = try hostileReport(conversion: conversion)
        let markdown = report.rendered(as: .markdown)
        XCTAssertTrue(markdown.contains("## Conversion"))
        XCTAssertTrue(markdown.contains("| messages | 10 | 7 | -3 | 3 messages had only unsupported parts |"), markdown)
        XCTAssertTrue(markdown.contains("- **ids changed**: 12"))
        XCTAssertTrue(report.rendered(as: .html).contains("<td>&lt;b&gt;x&lt;/b&gt;</td>"))
        let json = try XCTUnwrap(JSONParser.parse(report.rendered(as: .json)).objectValue?["conversion"]?.objectValue)
        XCTAssertEqual(json["changed_id_count"], .int(12))
        XCTAssertEqual(json["reconciliation"]?.arrayValue?.first?.objectValue?["difference"], .int(-3))
    }
}
