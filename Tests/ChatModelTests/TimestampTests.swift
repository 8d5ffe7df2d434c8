import ChatModel
import XCTest

final class TimestampTests: XCTestCase {
    func testParsesRFC3339WithFractionsAndOffsets() throws {
        let t = try XCTUnwrap(Timestamp(rfc3339: "1985-04-12T23:20:50.52Z"))
        XCTAssertEqual(t.seconds, 482_196_050)
        XCTAssertEqual(t.nanoseconds, 520_000_000)
        XCTAssertEqual(t.rfc3339, "1985-04-12T23:20:50.52Z")
        let offset = try XCTUnwrap(Timestamp(rfc3339: "1996-12-19T16:39:57-08:00"))
        XCTAssertEqual(offset.rfc3339, "1996-12-20T00:39:57Z")
        XCTAssertEqual(Timestamp(rfc3339: "2020-01-01T00:00:00.123456789123Z")?.nanoseconds, 123_456_789)
        XCTAssertEqual(Timestamp(rfc3339: "2020-01-01t00:00:00z")?.rfc3339, "2020-01-01T00:00:00Z")
    }

    func testEdgesOfTheCalendar() throws {
        XCTAssertEqual(Timestamp(rfc3339: "0001-01-01T00:00:00Z")?.rfc3339, "0001-01-01T00:00:00Z")
        XCTAssertEqual(Timestamp(rfc3339: "9999-12-31T23:59:59.999999999Z")?.rfc3339, "9999-12-31T23:59:59.999999999Z")
        XCTAssertNotNil(Timestamp(rfc3339: "2020-02-29T12:00:00Z"))
        XCTAssertNotNil(Timestamp(rfc3339: "2000-02-29T12:00:00Z"))
    }

    func testRejectsWhatIsNotRFC3339() {
        for text in [
            "yesterday", "2020-01-01", "2020-01-01 10:00:00Z", "2020-01-01T10:00:00", "2020-13-01T00:00:00Z",
            "2019-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2020-04-31T00:00:00Z", "2020-01-01T24:00:00Z",
            "2020-01-01T10:60:00Z", "2020-01-01T10:00:60Z", "2020-01-01T10:00:00.Z", "2020-01-01T10:00:00+0100",
            "2020-01-01T10:00:00Zjunk", "١٩٨٥-04-12T23:20:50Z",
        ] {
            XCTAssertNil(Timestamp(rfc3339: text), text)
        }
    }

    func testStorageTextSortsLikeTime() throws {
        let texts = ["2020-01-01T10:00:00.5Z", "2020-01-01T09:59:59.999999999Z", "0001-01-01T00:00:00Z", "2020-01-01T10:00:00+01:00"]
        let times = try texts.map { try XCTUnwrap(Timestamp(rfc3339: $0)) }
        XCTAssertEqual(times.sorted().map(\.storageText), times.map(\.storageText).sorted())
        XCTAssertEqual(times[0].storageText, "2020-01-01T10:00:00.500000000Z")
        XCTAssertEqual(Timestamp(rfc3339: times[1].storageText), times[1])
    }
}
