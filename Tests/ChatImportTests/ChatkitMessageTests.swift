import ChatImport
import ChatModel
import XCTest

/// Chatkit messages and their parts → Stream messages and attachments (reference §8.4–8.5).
final class ChatkitMessageTests: ChatkitTestCase {
    private let inlineText = #"{"part_type":"inline","payload":{"type":"text/plain","content":"one"}}"#

    func testMessageFieldsMap() throws {
        let out = try convert(export(messages: [textMessage(7, at: "2020-03-25T12:52:59Z", "Hello")]))
        let m = try XCTUnwrap(out.message("general-7"))
        XCTAssertEqual(m["channel_type"], "team")
        XCTAssertEqual(m["channel_id"], "general")
        XCTAssertEqual(m["user"], "alice")
        XCTAssertEqual(m["created_at"], "2020-03-25T12:52:59Z")
        XCTAssertEqual(m["type"], "regular")
        XCTAssertEqual(m["text"], "Hello")
        XCTAssertEqual(m["chatkit_message_id"], 7)
        XCTAssertNil(m["chatkit_updated_at"])
        XCTAssertNil(m["attachments"])
    }

    func testRepeatedMessageIDsAcrossRoomsGetDistinctStreamIDs() throws {
        let out = try convert(
            export(
                rooms: [
                    #"{"id":"general","created_by_id":"alice","private":false,"member_ids":["alice","bob"]}"#,
                    #"{"id":"bob_x_alice","created_by_id":"bob","private":true,"member_ids":["alice","bob"]}"#,
                ],
                messages: [textMessage(43, "one"), textMessage(43, room: "bob_x_alice", sender: "bob", "two")]
            )
        )
        XCTAssertEqual(out.message("general-43")?["text"], "one")
        XCTAssertEqual(out.message("bob_x_alice-43")?["text"], "two")
        XCTAssertEqual(out.report.countsOut.messages, 2)
    }

    func testARepeatedMessageIDWithinARoomKeepsTheFirstAndSaysSo() throws {
        let out = try convert(export(messages: [textMessage(5, "first"), textMessage(6), textMessage(5, "second")]))
        XCTAssertEqual(out.message("general-5")?["text"], "first")
        XCTAssertEqual(out.all("message").count, 2)
        XCTAssertEqual(out.report.tally("messages")?.count("repeats a message id within its room"), 1)
        XCTAssertEqual(out.report.tally("messages")?.source, 3)
    }

    func testEditedAndDeletedMessages() throws {
        let out = try convert(
            export(messages: [
                textMessage(1),
                #"{"id":2,"user_id":"alice","room_id":"general","created_at":"2020-03-25T12:00:00Z","updated_at":"2020-03-25T14:00:00Z","parts":[{"type":"text/plain","content":"fixed"}]}"#,
                #"{"id":3,"user_id":"bob","room_id":"general","created_at":"2020-03-25T12:00:00Z","deleted_at":"2020-03-26T00:00:00Z","parts":[{"type":"text/plain","content":"oops"}]}"#,
            ])
        )
        XCTAssertNil(out.message("general-1")?["chatkit_updated_at"], "not edited")
        XCTAssertEqual(
            out.message("general-2")?["chatkit_updated_at"],
            "2020-03-25T14:00:00Z",
            "an edit leaves only updated_at > created_at"
        )
        let deleted = try XCTUnwrap(out.message("general-3"))
        XCTAssertEqual(deleted["type"], "deleted")
        XCTAssertEqual(deleted["deleted_at"], "2020-03-26T00:00:00Z", "Stream needs deleted_at with type deleted")
        XCTAssertNil(deleted["text"], "content deleted in Chatkit does not come back")
        XCTAssertTrue(out.changes("general/3").contains { $0.action == .dropped && $0.field == "parts" })
    }

    func testInlineTextPartsJoinInOrderAndOtherInlinePartsAreKept() throws {
        let out = try convert(
            export(messages: [
                partsMessage(
                    1,
                    [
                        inlineText,
                        #"{"part_type":"inline","payload":{"type":"application/json","content":"{\"a\":1}"}}"#,
                        #"{"part_type":"inline","payload":{"type":"text/plain","content":""}}"#,
                        #"{"part_type":"inline","payload":{"type":"text/markdown","content":"**two**"}}"#,
                    ]
                )
            ])
        )
        let m = try XCTUnwrap(out.message("general-1"))
        XCTAssertEqual(m["text"], "one\n**two**", "text/* parts in order; an empty one adds no blank line")
        let attachments = try XCTUnwrap(m["attachments"]?.arrayValue)
        XCTAssertEqual(attachments, [["type": "chatkit_inline", "mime_type": "application/json", "content": "{\"a\":1}"]])
    }

    func testHTTPSURLPartsBecomeAttachmentsAndHTTPOnesGoToTheText() throws {
        let out = try convert(
            export(messages: [
                partsMessage(
                    1,
                    [
                        inlineText,
                        #"{"part_type":"url","payload":{"type":"image/png","url":"https://example.com/a.png"}}"#,
                        #"{"part_type":"url","payload":{"type":"text/html","url":"http://example.com/page"}}"#,
                        #"{"part_type":"url","payload":{"type":"video/mp4","url":"https://example.com/v.mp4"}}"#,
                    ]
                )
            ])
        )
        let m = try XCTUnwrap(out.message("general-1"))
        XCTAssertEqual(m["text"], "one\nhttp://example.com/page")
        XCTAssertEqual(
            m["attachments"],
            [
                ["type": "image", "mime_type": "image/png", "image_url": "https://example.com/a.png"],
                ["type": "video", "mime_type": "video/mp4", "asset_url": "https://example.com/v.mp4"],
            ]
        )
        let moved = try XCTUnwrap(out.changes("general/1").first)
        XCTAssertEqual(moved.action, .movedToText)
        XCTAssertEqual(moved.field, "parts[2]")
        XCTAssertEqual(out.report.expiringLinksTotal, 0, "url parts are not signed uploads")
    }

    func testAttachmentPartsMapByMIMEWithNameSizeAndCustomData() throws {
        func attachment(_ mime: String, _ name: String) -> String {
            #"{"part_type":"attachment","payload":{"type":"\#(mime)","name":"\#(name)","size":4096,"download_url":"https://files.example.com/\#(name)?sig=x","custom_data":{"foo":"bar"}}}"#
        }
        let out = try convert(
            export(messages: [
                partsMessage(
                    1,
                    [
                        attachment("image/jpeg", "a.jpg"), attachment("video/mp4", "b.mp4"), attachment("audio/ogg", "c.ogg"),
                        attachment("application/pdf", "d.pdf"),
                    ]
                )
            ])
        )
        let attachments = try XCTUnwrap(out.message("general-1")?["attachments"]?.arrayValue?.compactMap(\.objectValue))
        XCTAssertEqual(attachments.map { $0["type"] }, ["image", "video", "audio", "file"])
        XCTAssertEqual(attachments.map { $0["mime_type"] }, ["image/jpeg", "video/mp4", "audio/ogg", "application/pdf"])
        XCTAssertEqual(attachments[0]["image_url"], "https://files.example.com/a.jpg?sig=x")
        XCTAssertEqual(attachments[3]["asset_url"], "https://files.example.com/d.pdf?sig=x")
        XCTAssertEqual(attachments.map { $0["title"] }, ["a.jpg", "b.mp4", "c.ogg", "d.pdf"])
        XCTAssertEqual(attachments[1]["file_size"], 4096)
        XCTAssertEqual(attachments[2]["chatkit_custom_data"], ["foo": "bar"])
        XCTAssertEqual(out.report.expiringLinksTotal, 4, "export download links are signed for 7 days")
        XCTAssertEqual(
            out.report.expiringLinks.first,
            .init(messageId: "general-1", url: "https://files.example.com/a.jpg?sig=x", expiresAt: nil)
        )
    }

    func testAnAttachmentWithNoNameIsTitledByItsFileName() throws {
        let out = try convert(
            export(messages: [
                partsMessage(
                    1,
                    [
                        #"{"part_type":"attachment","payload":{"type":"application/pdf","size":1,"download_url":"https://dl.example.com/files/report.pdf?expires=1"}}"#,
                        #"{"type":"image/png","attachment":{"id":"a1","download_url":"https://dl.example.com/","name":null,"size":2}}"#,
                    ]
                )
            ])
        )
        let attachments = try XCTUnwrap(out.message("general-1")?["attachments"]?.arrayValue?.compactMap(\.objectValue))
        XCTAssertEqual(attachments[0]["title"], "report.pdf")
        XCTAssertNil(attachments[1]["title"], "no name and no file name: no title rather than a made-up one")
        XCTAssertEqual(attachments[1]["image_url"], "https://dl.example.com/")
    }

    func testAPIShapedPartsWithNullSiblingsAndExpiringAttachments() throws {
        let out = try convert(
            export(messages: [
                #"{"id":45617234,"user_id":"bob","room_id":"general","created_at":"2017-03-23T11:36:42Z","updated_at":"2017-03-23T11:36:42Z","parts":[{"type":"text/plain","content":"see attached","url":null,"attachment":null},{"type":"image/png","url":"https://example.com/figure01.png","content":null},{"type":"application/pdf","attachment":{"id":"793c8a94","download_url":"https://example.download.url/793c8a94","refresh_url":"https://example.refresh.url/793c8a94","expiration":"2019-02-12T17:29:22Z","name":"doc.pdf","size":4096,"custom_data":{"foo":"bar"}}}]}"#
            ])
        )
        let m = try XCTUnwrap(out.message("general-45617234"))
        XCTAssertEqual(m["user"], "bob")
        XCTAssertEqual(m["text"], "see attached")
        let attachments = try XCTUnwrap(m["attachments"]?.arrayValue?.compactMap(\.objectValue))
        XCTAssertEqual(attachments.count, 2)
        XCTAssertEqual(attachments[1]["chatkit_attachment_id"], "793c8a94")
        XCTAssertEqual(attachments[1]["title"], "doc.pdf")
        XCTAssertEqual(
            out.report.expiringLinks,
            [.init(messageId: "general-45617234", url: "https://example.download.url/793c8a94", expiresAt: "2019-02-12T17:29:22Z")]
        )
    }

    func testLegacyV2TextAndAttachment() throws {
        let out = try convert(
            export(messages: [
                #"{"id":123,"user_id":"alice","room_id":"general","text":"hi","attachment":{"resource_link":"https://placekitten.com/200/300","type":"image","name":"cat.jpg"},"created_at":"2017-03-23T11:36:42Z","updated_at":"2017-03-23T11:36:42Z","deleted_at":null}"#,
                #"{"id":124,"user_id":"alice","room_id":"general","text":"doc","attachment":{"resource_link":"https://example.com/x","type":"file"},"created_at":"2017-03-23T11:36:43Z"}"#,
            ])
        )
        let m = try XCTUnwrap(out.message("general-123"))
        XCTAssertEqual(m["type"], "regular", "deleted_at: null is not deleted")
        XCTAssertEqual(m["text"], "hi")
        let expected: JSONValue = [["type": "image", "image_url": "https://placekitten.com/200/300", "title": "cat.jpg"]]
        XCTAssertEqual(m["attachments"], expected)
        XCTAssertEqual(out.message("general-124")?["attachments"]?.arrayValue?.first?.objectValue?["asset_url"], "https://example.com/x")
        XCTAssertEqual(out.report.expiringLinksTotal, 0)
    }

    func testANonHTTPSDownloadURLGoesToTheText() throws {
        let out = try convert(
            export(messages: [
                partsMessage(
                    1,
                    [
                        #"{"part_type":"attachment","payload":{"type":"image/png","name":"x.png","size":1,"download_url":"http://insecure.example.com/x.png"}}"#
                    ]
                )
            ])
        )
        XCTAssertEqual(out.message("general-1")?["text"], "http://insecure.example.com/x.png")
        XCTAssertNil(out.message("general-1")?["attachments"])
        XCTAssertEqual(out.changes("general/1").map(\.action), [.movedToText])
    }

    func testUnusablePartsAreReportedAndLeftOut() throws {
        let out = try convert(
            export(messages: [
                partsMessage(
                    1,
                    [
                        inlineText,
                        #"{"type":"text/plain","content":"a","url":"https://example.com"}"#,
                        #"{"type":"text/plain"}"#,
                        #"{"part_type":"carrier-pigeon","payload":{"type":"x/y"}}"#,
                    ]
                )
            ])
        )
        XCTAssertEqual(out.message("general-1")?["text"], "one")
        XCTAssertEqual(out.changes("general/1").map(\.field), ["parts[1]", "parts[2]", "parts[3]"])
        XCTAssertTrue(out.changes("general/1").allSatisfy { $0.action == .dropped })
    }

    func testTextOverStreamsLimitIsTruncatedAndSaysSo() throws {
        let long = String(repeating: "é", count: 5200)
        let out = try convert(export(messages: [textMessage(1, long)]))
        XCTAssertEqual(out.message("general-1")?["text"]?.stringValue?.unicodeScalars.count, 5000)
        let change = try XCTUnwrap(out.changes("general/1").first)
        XCTAssertEqual(change.action, .truncated)
        XCTAssertEqual(change.field, "text")
    }

    func testAttachmentCustomDataOver5KiBIsDroppedAndMoreThan30AttachmentsAreCut() throws {
        let big = String(repeating: "x", count: 6000)
        let heavy =
            #"{"part_type":"attachment","payload":{"type":"image/png","name":"big.png","size":1,"download_url":"https://example.com/big.png","custom_data":{"exif":"\#(big)"}}}"#
        let link = #"{"part_type":"url","payload":{"type":"image/png","url":"https://example.com/p.png"}}"#
        let out = try convert(export(messages: [partsMessage(1, [heavy]), partsMessage(2, Array(repeating: link, count: 32))]))
        let attachment = try XCTUnwrap(out.message("general-1")?["attachments"]?.arrayValue?.first?.objectValue)
        XCTAssertNil(attachment["chatkit_custom_data"])
        XCTAssertEqual(attachment["title"], "big.png", "the attachment itself stays")
        XCTAssertEqual(out.changes("general/1").map(\.field), ["parts[0].custom_data"])
        XCTAssertEqual(out.message("general-2")?["attachments"]?.arrayValue?.count, 30)
        XCTAssertEqual(out.changes("general/2").map(\.reason), ["2 attachments over Stream's limit of 30"])
    }

    func testASenderNeverExportedGetsAPlaceholder() throws {
        let out = try convert(export(messages: [textMessage(1, sender: "dave@old.example")]))
        let dave = try XCTUnwrap(out.report.placeholderUsers.first)
        XCTAssertEqual(dave.chatkitId, "dave@old.example")
        XCTAssertEqual(dave.referencedBy, "message general/1 sender")
        XCTAssertEqual(out.message("general-1")?["user"]?.stringValue, dave.streamId)
        XCTAssertEqual(out.user(dave.streamId)?["chatkit_placeholder"], true)
    }

    func testOutputIsInStreamsItemOrder() throws {
        let out = try convert(
            export(
                messages: [textMessage(2), textMessage(1)],
                extra: ["cursors": [#"{"room_id":"general","user_id":"bob","position":1}"#]]
            )
        )
        XCTAssertEqual(out.items.map(\.type), ["user", "user", "channel", "member", "member", "message", "message"])
        XCTAssertEqual(
            out.all("message").compactMap { $0["id"]?.stringValue },
            ["general-2", "general-1"],
            "messages stream through in file order"
        )
    }
}
