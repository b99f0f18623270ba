import XCTest
import ConvNet

final class IDXTests: XCTestCase {
    func be32(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 255), UInt8(v >> 8 & 255), UInt8(v & 255)] }

    func testLabels() throws {
        let a = try IDX.parse([0, 0, 8, 1] + be32(3) + [7, 0, 9])
        XCTAssertEqual(a, IDXArray(dimensions: [3], values: [7, 0, 9]))
    }

    func testImages() throws {
        let a = try IDX.parse([0, 0, 8, 3] + be32(2) + be32(2) + be32(3) + Array(1...12))
        XCTAssertEqual(a.dimensions, [2, 2, 3])
        XCTAssertEqual(a.values, Array(1...12))
    }

    func testEmptyArrayIsFine() throws {
        XCTAssertEqual(try IDX.parse([0, 0, 8, 1] + be32(0)).values, [])
    }

    func assertIDXError(_ bytes: [UInt8], _ expected: IDXError, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try IDX.parse(bytes), file: file, line: line) { error in
            XCTAssertEqual(error as? IDXError, expected, file: file, line: line)
            XCTAssertFalse("\(error)".contains("\n"), file: file, line: line)
        }
    }

    func testBadFiles() {
        assertIDXError([], .empty)
        assertIDXError([0, 0, 8], .truncated(needed: 4, found: 3))
        assertIDXError([1, 0, 8, 1] + be32(0), .badMagic([1, 0, 8, 1]))
        assertIDXError([0x1F, 0x8B, 8, 0], .badMagic([0x1F, 0x8B, 8, 0]))      // still gzipped
        assertIDXError([0, 0, 0x0D, 1] + be32(1) + [0, 0, 0, 0], .unsupportedType(0x0D))  // floats
        assertIDXError([0, 0, 8, 0], .badDimensionCount(0))
        assertIDXError([0, 0, 8, 4] + be32(1) + be32(1) + be32(1) + be32(1) + [0], .badDimensionCount(4))
        assertIDXError([0, 0, 8, 3] + be32(60000) + be32(28), .truncated(needed: 16, found: 12))
        assertIDXError([0, 0, 8, 1] + be32(5) + [1, 2, 3], .truncated(needed: 13, found: 11))
        assertIDXError([0, 0, 8, 1] + be32(2) + [1, 2, 3], .trailingBytes(1))
    }

    func testSizesThatOverflowOrExceedTheLimitAreRefusedBeforeAllocating() {
        let huge = be32(0xFFFF_FFFF)
        // Refused at the first size over the limit, long before 4294967295³ would overflow Int.
        assertIDXError([0, 0, 8, 3] + huge + huge + huge, .tooLarge(dimensions: [4_294_967_295], limit: IDX.maxBytes))
        // Each size alone is small, the product is not.
        assertIDXError([0, 0, 8, 3] + be32(65536) + be32(65536) + be32(1), .tooLarge(dimensions: [65536, 65536], limit: IDX.maxBytes))
        // With no limit at all, (2³² − 1)² already overflows a 64-bit Int: caught, not wrapped.
        XCTAssertThrowsError(try IDX.header([0, 0, 8, 3] + huge + huge + huge, limit: .max)) { error in
            XCTAssertEqual(error as? IDXError, .tooLarge(dimensions: [4_294_967_295, 4_294_967_295], limit: .max))
        }
        assertIDXError([0, 0, 8, 1] + huge, .tooLarge(dimensions: [4_294_967_295], limit: IDX.maxBytes))
        XCTAssertThrowsError(try IDX.header([0, 0, 8, 1] + be32(11), limit: 10))
        XCTAssertEqual(try IDX.header([0, 0, 8, 1] + be32(10), limit: 10).valueCount, 10)
    }

    func testImagesAndLabelsMustAgree() throws {
        let images = try IDX.parse([0, 0, 8, 3] + be32(2) + be32(1) + be32(1) + [5, 6])
        let labels = try IDX.parse([0, 0, 8, 1] + be32(3) + [1, 2, 3])
        XCTAssertThrowsError(try ImageSet(images: images, labels: labels)) { error in
            XCTAssertEqual(error as? IDXError, .countMismatch(images: 2, labels: 3))
        }
        XCTAssertThrowsError(try ImageSet(images: labels, labels: labels)) { error in
            XCTAssertEqual(error as? IDXError, .wrongKind(expected: "images (3 dimensions)", found: 1))
        }
        let set = try ImageSet(images: images, labels: try IDX.parse([0, 0, 8, 1] + be32(2) + [1, 2]))
        XCTAssertThrowsError(try set.checkFitsNetwork()) { error in
            XCTAssertEqual(error as? IDXError, .wrongImageSize(rows: 1, columns: 1))
        }
        let bigLabel = ImageSet(rows: 28, columns: 28, pixels: [UInt8](repeating: 0, count: 784 * 2), labels: [3, 10])
        XCTAssertThrowsError(try bigLabel.checkFitsNetwork()) { error in
            XCTAssertEqual(error as? IDXError, .badLabel(index: 1, value: 10))
        }
    }

    func testClassNames() {
        XCTAssertEqual(ClassNames.parse((0..<10).map { "c\($0)" }.joined(separator: "\n") + "\n\n"), (0..<10).map { "c\($0)" })
        XCTAssertEqual(ClassNames.parse((0..<10).map { "c\($0)" }.joined(separator: "\r\n")), (0..<10).map { "c\($0)" })
        XCTAssertNil(ClassNames.parse("a\nb\n"))
        XCTAssertNil(ClassNames.parse((0..<10).map { $0 == 4 ? "" : "c" }.joined(separator: "\n")))
    }
}
