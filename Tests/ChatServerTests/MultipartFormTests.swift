import XCTest

@testable import ChatServer

/// The upload parser on the bodies `requests` and browsers send, and on broken ones.
final class MultipartFormTests: XCTestCase {
    private func body(_ text: String) -> [UInt8] { Array(text.utf8) }

    func testAFormWithAFileAndAFieldReadsBackWhole() throws {
        let form = try MultipartForm(
            body: body(
                "ignored preamble\r\n--b\r\nContent-Disposition: form-data; name=\"user\"\r\n\r\n{\"id\":\"u\"}\r\n"
                    + "--b\r\ncontent-disposition: form-data; name=\"file\"; filename=\"a \\\"b\\\"; c.txt\"\r\n"
                    + "Content-Type: text/plain\r\n\r\nline 1\r\n--not the boundary\r\n--b--\r\n"
            ),
            boundary: "b"
        )
        XCTAssertEqual(form.parts.map(\.name), ["user", "file"])
        XCTAssertEqual(form["user"]?.data, body("{\"id\":\"u\"}"))
        XCTAssertEqual(form["file"]?.filename, "a \"b\"; c.txt")
        XCTAssertEqual(form["file"]?.contentType, "text/plain")
        XCTAssertEqual(form["file"]?.data, body("line 1\r\n--not the boundary"))
    }

    func testBrokenBodiesAreRefusedWithTheirReason() {
        let cases: [(String, String)] = [
            ("no boundary here", "no multipart boundary"),
            ("--b\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\ncut", "cut short"),
            ("--b\r\nContent-Disposition: form-data; name=\"f\"", "cut short or too long"),
            ("--bX", "not followed by a line end"),
            ("--b\r\nContent-Disposition: attachment; name=\"f\"\r\n\r\nx\r\n--b--", "not form-data"),
            ("--b\r\nNoColon\r\n\r\nx\r\n--b--", "no colon"),
        ]
        for (text, reason) in cases {
            XCTAssertThrowsError(try MultipartForm(body: body(text), boundary: "b"), text) { error in
                XCTAssertTrue((error as? MultipartForm.Malformed)?.reason.contains(reason) == true, "\(text): \(error)")
            }
        }
        let endless =
            "--b\r\nContent-Disposition: form-data; name=\"f\"; x=\"" + String(repeating: "y", count: 9000) + "\"\r\n\r\nx\r\n--b--"
        XCTAssertThrowsError(try MultipartForm(body: body(endless), boundary: "b"), "headers past their bound")
        let many = String(repeating: "--b\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nx\r\n", count: 17) + "--b--"
        XCTAssertThrowsError(try MultipartForm(body: body(many), boundary: "b"))
    }

    func testTheBoundaryComesFromTheContentType() throws {
        XCTAssertEqual(try MultipartForm.boundary(contentType: "multipart/form-data; boundary=abc"), "abc")
        XCTAssertEqual(try MultipartForm.boundary(contentType: "Multipart/Form-Data; charset=x; boundary=\"a;b\""), "a;b")
        XCTAssertThrowsError(try MultipartForm.boundary(contentType: "application/json"))
        XCTAssertThrowsError(try MultipartForm.boundary(contentType: "multipart/form-data"))
        XCTAssertThrowsError(try MultipartForm.boundary(contentType: "multipart/form-data; boundary=" + String(repeating: "x", count: 71)))
    }

    func testOnlyImageBytesMakeAnImage() {
        XCTAssertEqual(UploadCheck.imageType([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]), "image/png")
        XCTAssertEqual(UploadCheck.imageType(Array("GIF89a....".utf8)), "image/gif")
        XCTAssertEqual(UploadCheck.imageType(Array("RIFF\0\0\0\0WEBPVP8 ".utf8)), "image/webp")
        XCTAssertEqual(UploadCheck.imageType([0, 0, 0, 24] + Array("ftypheic".utf8)), "image/heic")
        XCTAssertNil(UploadCheck.imageType(Array("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8)))
        XCTAssertNil(UploadCheck.imageType(Array("<html>".utf8)))
        let file = UploadCheck(kind: .file, config: [:])
        XCTAssertEqual(file.contentType(of: Array("<html>".utf8), declared: "Text/HTML; charset=utf-8"), "text/html")
        XCTAssertEqual(file.contentType(of: Array("x".utf8), declared: "text/html\r\nX: y"), "application/octet-stream")
        XCTAssertNil(UploadCheck(kind: .image, config: [:]).contentType(of: Array("<html>".utf8), declared: "image/png"))
    }
}
