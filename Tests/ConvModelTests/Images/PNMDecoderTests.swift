import Foundation
import XCTest
@testable import ConvModel

/// PGM/PPM decoding from hand-made bytes. Expected values are worked out by hand:
/// a sample v with maxval m is v/m, and colour is 0.2126 R + 0.7152 G + 0.0722 B.
final class PNMDecoderTests: XCTestCase {

    // MARK: grayscale

    func testP2AsciiGray() throws {
        let grid = try decode("P2\n3 2\n255\n0 51 255\n102 204 17\n")
        XCTAssertEqual(grid.width, 3)
        XCTAssertEqual(grid.height, 2)
        assertValues(grid, [0, 0.2, 1,
                            0.4, 0.8, 0.0666667])
    }

    func testP5BinaryGrayOneByte() throws {
        let grid = try decode("P5\n2 2\n255\n", [0, 255, 128, 64])
        XCTAssertEqual(grid.width, 2)
        XCTAssertEqual(grid.height, 2)
        assertValues(grid, [0, 1, 0.5019608, 0.2509804])
    }

    func testP5SmallMaxval() throws {
        let grid = try decode("P5 3 1 15\n", [0, 15, 5])
        assertValues(grid, [0, 1, 0.3333333])
    }

    func testP5SixteenBitIsBigEndian() throws {
        // 0x8000 = 32768, 0xFFFF = 65535, 0x0001 = 1, 0x0100 = 256 (little-endian would read 1).
        let grid = try decode("P5 4 1 65535\n", [0x80, 0x00, 0xFF, 0xFF, 0x00, 0x01, 0x01, 0x00])
        assertValues(grid, [0.5000076, 1, 0.0000152590, 0.0039063], accuracy: 1e-7)
    }

    func testP5Maxval256UsesTwoBytesPerSample() throws {
        // 0x0100 = 256 → 1; 0x0080 = 128 → 0.5.
        let grid = try decode("P5 2 1 256\n", [0x01, 0x00, 0x00, 0x80])
        assertValues(grid, [1, 0.5])
    }

    func testP2SixteenBit() throws {
        let grid = try decode("P2 3 1 1000 0 250 1000")
        assertValues(grid, [0, 0.25, 1])
    }

    func testSamplesAboveMaxvalClampToOne() throws {
        assertValues(try decode("P5 2 1 10\n", [20, 5]), [1, 0.5])
        assertValues(try decode("P2 2 1 10 99 5"), [1, 0.5])
        assertValues(try decode("P2 1 1 10 99999999999999999999999"), [1])
    }

    // MARK: colour

    func testP3AsciiColourBecomesLuma() throws {
        let grid = try decode("""
            P3
            3 2
            255
            255 0 0   0 255 0   0 0 255
            255 255 255   255 255 0   0 0 0
            """)
        assertValues(grid, [0.2126, 0.7152, 0.0722,
                            1, 0.9278, 0])
    }

    func testP6BinaryColourBecomesLuma() throws {
        // (51, 102, 204)/255 = (0.2, 0.4, 0.8): 0.04252 + 0.28608 + 0.05776 = 0.38636.
        let grid = try decode("P6 3 1 255\n", [255, 255, 255, 0, 0, 0, 51, 102, 204])
        assertValues(grid, [1, 0, 0.38636])
    }

    func testP6SixteenBitColour() throws {
        // R = 1000 = 0x03E8, G = 500 = 0x01F4, B = 0 of 1000: 0.2126 + 0.7152 · 0.5 = 0.5702.
        let grid = try decode("P6 1 1 1000\n", [0x03, 0xE8, 0x01, 0xF4, 0x00, 0x00])
        assertValues(grid, [0.5702])
    }

    func testP3ColourSampleAboveMaxvalClampsBeforeLuma() throws {
        // R clamps to 1, G = 0.5, B = 0: 0.2126 + 0.3576 = 0.5702.
        assertValues(try decode("P3 1 1 10 50 5 0"), [0.5702])
    }

    // MARK: header syntax

    func testCommentsAnywhereInTheHeader() throws {
        let grid = try decode("P5#after magic\n# a line\n2# after width\n1 #before maxval\n255# last\n", [10, 20])
        assertValues(grid, [0.0392157, 0.0784314])
    }

    func testCommentsBetweenAsciiSamples() throws {
        assertValues(try decode("P2 2 1 255\n51 # the first\n# another\n102"), [0.2, 0.4])
    }

    func testAnyWhitespaceSeparatesFields() throws {
        assertValues(try decode("P2\t2\r\n1\u{0B}\u{0C}255 \t 51\n\n\n 102"), [0.2, 0.4])
    }

    func testBinaryRasterStartsAfterExactlyOneWhitespaceByte() throws {
        // The pixels are a space (32) and a newline (10): they must not be skipped as whitespace.
        assertValues(try decode("P5 2 1 255\n", [0x20, 0x0A]), [0.1254902, 0.0392157])
    }

    func testBytesAfterTheLastPixelAreIgnored() throws {
        assertValues(try decode("P5 1 1 255\n", [255, 1, 2, 3]), [1])
    }

    func testLargestAllowedSizeIsNotTooLarge() {
        // 4096 × 4096 = 2^24 exactly, and 32767 × 512 (the longest side): allowed, so the
        // missing data is what is reported.
        assertThrows(header: "P5 4096 4096 255\n", [1, 2, 3],
                     .truncatedPixels("x.pgm", width: 4096, height: 4096, available: 3))
        assertThrows(header: "P2 4096 4096 255\n1 2 3",
                     .truncatedPixels("x.pgm", width: 4096, height: 4096, available: 3))
        assertThrows(header: "P5 32767 512 255\n", [1, 2, 3],
                     .truncatedPixels("x.pgm", width: 32767, height: 512, available: 3))
    }

    // MARK: errors

    func testEmptyInput() {
        assertThrows(header: "", .emptyFile("x.pgm"))
    }

    func testUnknownMagic() {
        for text in ["P", "P7 1 1 255\n", "P1 1 1\n1", "P4 1 1\n", "P55 1 1 255\n", "GIF89a", "p5 1 1 255\n", "hello"] {
            assertThrows(header: text, .unknownFormat("x.pgm"), "\(text.debugDescription)")
        }
        XCTAssertFalse(PNMDecoder.recognizes(Array("P7".utf8)))
        XCTAssertTrue(PNMDecoder.recognizes(Array("P6".utf8)))
    }

    func testTruncatedHeader() {
        assertThrows(header: "P5", .badHeader("x.pgm", detail: "it ends before the width"))
        assertThrows(header: "P5\n24", .badHeader("x.pgm", detail: "it ends before the height"))
        assertThrows(header: "P5 24 24 # no maxval", .badHeader("x.pgm", detail: "it ends before the maxval"))
    }

    func testCorruptHeader() {
        assertThrows(header: "P2 x 3 255", .badHeader("x.pgm", detail: "expected the width, found 'x'"))
        assertThrows(header: "P2 3 -3 255", .badHeader("x.pgm", detail: "expected the height, found '-'"))
        assertThrows(header: "P5 1 1 255x", [0], .badHeader("x.pgm", detail: "expected whitespace after the maxval, found 'x'"))
        assertThrows(header: "P5 99999999999999999999 1 255\n",
                     .badHeader("x.pgm", detail: "the width has too many digits"))
    }

    func testTruncatedBinaryPixels() {
        assertThrows(header: "P5\n24 24\n255\n", [UInt8](repeating: 7, count: 100),
                     .truncatedPixels("x.pgm", width: 24, height: 24, available: 100))
        // Two bytes a sample: 7 bytes hold 3 whole pixels.
        assertThrows(header: "P5 2 2 65535\n", [UInt8](repeating: 0, count: 7),
                     .truncatedPixels("x.pgm", width: 2, height: 2, available: 3))
        // Three bytes a pixel: 5 bytes hold 1.
        assertThrows(header: "P6 2 1 255\n", [1, 2, 3, 4, 5],
                     .truncatedPixels("x.pgm", width: 2, height: 1, available: 1))
        // Nothing at all after the maxval.
        assertThrows(header: "P5 2 2 255",
                     .truncatedPixels("x.pgm", width: 2, height: 2, available: 0))
    }

    func testTruncatedAsciiPixels() {
        assertThrows(header: "P2 3 3 255\n1 2 3 4\n",
                     .truncatedPixels("x.pgm", width: 3, height: 3, available: 4))
        assertThrows(header: "P3 2 1 255\n1 2 3 4 5",
                     .truncatedPixels("x.pgm", width: 2, height: 1, available: 1))
    }

    func testTruncatedDescriptionIsTheOneLineOfTheBrief() {
        XCTAssertEqual(ImageLoadError.truncatedPixels("x.pgm", width: 24, height: 24, available: 100).description,
                       "'x.pgm' is truncated: header says 24×24 pixels but the file holds 100")
    }

    func testCorruptAsciiPixels() {
        assertThrows(header: "P2 2 1 255 1 x",
                     .badPixelData("x.pgm", detail: "expected a number for pixel 1, found 'x'"))
        assertThrows(header: "P2 2 1 255 1,2",
                     .badPixelData("x.pgm", detail: "expected a number for pixel 1, found ','"))
    }

    func testMoreThanTwoToThe24PixelsOrALongerSideThrowsQuicklyWithoutAllocating() {
        // The header alone, no pixel data: were the pixels allocated or the data checked first,
        // this would be slow or a truncation error.
        let start = Date()
        assertThrows(header: "P5 20000 20000 255\n", .tooLarge("x.pgm", width: 20000, height: 20000))
        assertThrows(header: "P2 20000 20000 255\n", .tooLarge("x.pgm", width: 20000, height: 20000))
        assertThrows(header: "P6 4097 4096 65535\n", .tooLarge("x.pgm", width: 4097, height: 4096))
        // 32768 × 1 is few pixels but a side longer than cairo can hold.
        assertThrows(header: "P5 32768 1 255\n", .tooLarge("x.pgm", width: 32768, height: 1))
        XCTAssertLessThan(Date().timeIntervalSince(start), 0.5)
    }

    func testWidthTimesHeightOverflow() {
        // 2^62 · 4 = 2^64 and Int.max · 2 both overflow a 64-bit Int.
        assertThrows(header: "P5 4611686018427387904 4 255\n",
                     .tooLarge("x.pgm", width: 4611686018427387904, height: 4))
        assertThrows(header: "P5 9223372036854775807 2 255\n",
                     .tooLarge("x.pgm", width: Int.max, height: 2))
    }

    func testBadMaxval() {
        assertThrows(header: "P5 1 1 0\n", [0], .badMaxval("x.pgm", value: 0))
        assertThrows(header: "P2 1 1 65536\n1", .badMaxval("x.pgm", value: 65536))
    }

    func testZeroSize() {
        assertThrows(header: "P5 0 0 255\n", .zeroSize("x.pgm", width: 0, height: 0))
        assertThrows(header: "P5 0 5 255\n", .zeroSize("x.pgm", width: 0, height: 5))
        assertThrows(header: "P2 5 0 255\n", .zeroSize("x.pgm", width: 5, height: 0))
    }

    func testEveryDescriptionIsOneLineNamingTheFile() {
        let file = "dir/x.pgm"
        let errors: [ImageLoadError] = [
            .missingFile(file), .unreadable(file, reason: "permission denied"), .emptyFile(file),
            .unknownFormat(file), .badHeader(file, detail: "it ends before the width"),
            .truncatedPixels(file, width: 2, height: 2, available: 1),
            .badPixelData(file, detail: "expected a number\nfor pixel 1"),
            .tooLarge(file, width: 20000, height: 20000), .badMaxval(file, value: 0),
            .zeroSize(file, width: 0, height: 3), .corruptPNG(file, detail: "error while reading"),
            .unwritable(file, reason: "no such directory"),
        ]
        for error in errors {
            XCTAssertFalse(error.description.contains("\n"), error.description)
            XCTAssertTrue(error.description.contains("'dir/x.pgm'"), error.description)
        }
        XCTAssertEqual(ImageLoadError.missingFile("x.pgm").description, "cannot read 'x.pgm': no such file")
        XCTAssertFalse(ImageLoadError.emptyFile("a\nb.pgm").description.contains("\n"))
    }

    // MARK: helpers

    private func decode(_ header: String, _ pixels: [UInt8] = []) throws -> Grid {
        try PNMDecoder.decode(Array(header.utf8) + pixels, name: "x.pgm")
    }

    private func assertValues(_ grid: Grid, _ expected: [Float], accuracy: Float = 1e-6,
                              file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(grid.values.count, expected.count, "value count", file: file, line: line)
        for (i, (got, want)) in zip(grid.values, expected).enumerated() {
            XCTAssertEqual(got, want, accuracy: accuracy, "value \(i)", file: file, line: line)
        }
    }

    private func assertThrows(header: String, _ expected: ImageLoadError, _ message: String = "",
                              file: StaticString = #filePath, line: UInt = #line) {
        assertThrows(header: header, [], expected, message, file: file, line: line)
    }

    private func assertThrows(header: String, _ pixels: [UInt8], _ expected: ImageLoadError,
                              _ message: String = "", file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try decode(header, pixels), message, file: file, line: line) { error in
            XCTAssertEqual(error as? ImageLoadError, expected, message, file: file, line: line)
        }
    }
}
