import XCTest

@testable import chatterm

/// `--max-size`'s sizes: binary units, as Stream counts its 300 MB.
final class ByteSizeTests: XCTestCase {
    func testSizesParseInBinaryUnitsAndPrintBack() {
        XCTAssertEqual(ByteSize(argument: "300MB")?.bytes, 300 << 20)
        XCTAssertEqual(ByteSize(argument: "300mb"), ByteSize.streamUploadLimit)
        XCTAssertEqual(ByteSize(argument: "1.5GB")?.bytes, 3 << 29)
        XCTAssertEqual(ByteSize(argument: "64 KiB")?.bytes, 64 << 10)
        XCTAssertEqual(ByteSize(argument: "1000")?.bytes, 1000)
        for bad in ["", "0", "-5MB", "lots", "10XB", "MB", "inf"] { XCTAssertNil(ByteSize(argument: bad), bad) }
        XCTAssertEqual(ByteSize.streamUploadLimit.description, "300 MB")
        XCTAssertEqual(ByteSize(bytes: 1_258_291).description, "1.2 MB")
        XCTAssertEqual(ByteSize(bytes: 812).description, "812 bytes")
    }
}
