import XCTest
@testable import ConvModel

/// The byte-level PNG check made before libpng reads a file. The files are built by hand here,
/// their CRCs by a bit-at-a-time CRC-32 that shares no code with the scanner's table.
final class PNGChunkScanTests: XCTestCase {
    /// A valid 2×1 8-bit gray PNG (pixels 0 and 255), written by Python's zlib.
    static let twoByOne: [UInt8] = [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
        0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x01, 0x08, 0x00, 0x00, 0x00, 0x00, 0xD1, 0x49, 0x20,
        0x56, 0x00, 0x00, 0x00, 0x0B, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x60, 0xF8, 0x0F, 0x00,
        0x01, 0x02, 0x01, 0x00, 0x42, 0xBE, 0xBC, 0x68, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44,
        0xAE, 0x42, 0x60, 0x82,
    ]

    private func scan(_ bytes: [UInt8]) throws -> (width: Int, height: Int) {
        try bytes.withUnsafeBytes { try PNGChunkScan.check($0, name: "x.png") }
    }

    private func assertRefused(_ bytes: [UInt8], _ expected: ImageLoadError, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try scan(bytes), file: file, line: line) {
            XCTAssertEqual($0 as? ImageLoadError, expected, file: file, line: line)
        }
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes {
            c ^= UInt32(b)
            for _ in 0..<8 { c = (c >> 1) ^ (c & 1 == 1 ? 0xEDB8_8320 : 0) }
        }
        return ~c
    }

    static func be(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }

    static func chunk(_ type: String, _ data: [UInt8], length: UInt32? = nil) -> [UInt8] {
        let body = Array(type.utf8) + data
        return be(length ?? UInt32(data.count)) + body + be(crc32(body))
    }

    static func ihdr(_ w: UInt32, _ h: UInt32) -> [UInt8] { chunk("IHDR", be(w) + be(h) + [8, 0, 0, 0, 0]) }

    func testTheHandCRCAgreesWithAKnownValue() {
        XCTAssertEqual(Self.crc32(Array("IEND".utf8)), 0xAE42_6082)
    }

    func testAValidFileGivesItsSize() throws {
        let size = try scan(Self.twoByOne)
        XCTAssertEqual(size.width, 2)
        XCTAssertEqual(size.height, 1)
    }

    func testThe33BytePNGWhoseSizeOverflowsIsTooLarge() {
        // Used to trap with "arithmetic overflow" (SIGILL) in `width * height`.
        let bytes = PNGChunkScan.signature + Self.ihdr(3_500_000_000, 3_500_000_000)
        XCTAssertEqual(bytes.count, 33)
        assertRefused(bytes, .tooLarge("x.png", width: 3_500_000_000, height: 3_500_000_000))
        assertRefused(PNGChunkScan.signature + Self.ihdr(4097, 4096), .tooLarge("x.png", width: 4097, height: 4096))
        assertRefused(PNGChunkScan.signature + Self.ihdr(0, 5), .zeroSize("x.png", width: 0, height: 5))
    }

    func testThe46BytePNGWhoseTextChunkClaims2GBIsCorrupt() {
        // Used to cost 2 GB and 5 s inside libpng before a refusal.
        var bytes = PNGChunkScan.signature + Self.ihdr(1, 1)
        bytes += Self.be(UInt32((1 << 31) - 1)) + Array("tEXt".utf8) + Array("ab".utf8) + [0, 0, 0]
        XCTAssertEqual(bytes.count, 46)
        assertRefused(bytes, .corruptPNG("x.png", detail: "chunk tEXt claims 2147483647 bytes but only 1 follow"))
        var huge = PNGChunkScan.signature + Self.ihdr(1, 1)
        huge += Self.be(0xFFFF_FFFF) + Array("zTXt".utf8) + [UInt8](repeating: 0, count: 8)
        assertRefused(huge, .corruptPNG("x.png", detail: "chunk zTXt claims 4294967295 bytes, more than the format's limit of 2147483647"))
    }

    func testStructuralDamageIsNamed() {
        let head = PNGChunkScan.signature + Self.ihdr(2, 1)
        let idat = Array(Self.twoByOne[33 ..< 56]), iend = Self.chunk("IEND", [])
        var badCRC = head + Self.chunk("tEXt", Array("a\u{0}b".utf8)) + idat + iend
        badCRC[33 + 8 + 1] ^= 0xFF
        assertRefused(badCRC, .corruptPNG("x.png", detail: "chunk tEXt at byte 33 fails its CRC check"))
        assertRefused(head + idat, .corruptPNG("x.png", detail: "it ends before the IEND chunk"))
        assertRefused(head + iend, .corruptPNG("x.png", detail: "it has no IDAT chunk (no pixel data)"))
        assertRefused(head + Self.ihdr(2, 1) + idat + iend, .corruptPNG("x.png", detail: "it has a second IHDR chunk"))
        assertRefused(PNGChunkScan.signature + Self.chunk("IDAT", []) + iend,
                      .corruptPNG("x.png", detail: "the first chunk is not IHDR"))
        assertRefused(PNGChunkScan.signature + Self.chunk("ID4T", []) + iend,
                      .corruptPNG("x.png", detail: "a chunk at byte 8 has a type that is not four letters"))
        assertRefused(Array(PNGChunkScan.signature.prefix(7)), .corruptPNG("x.png", detail: "it does not start with the PNG signature"))
    }

    /// Property: no prefix of a valid file and no single flipped byte makes the scan trap; each
    /// ends in a size or an `ImageLoadError`.
    func testEveryPrefixAndEveryFlippedByteEndsInAnAnswer() {
        for n in 0 ... Self.twoByOne.count {
            _ = try? scan(Array(Self.twoByOne.prefix(n)))
        }
        for i in Self.twoByOne.indices {
            for flip: UInt8 in [0x01, 0x80, 0xFF] {
                var bytes = Self.twoByOne
                bytes[i] ^= flip
                do { _ = try scan(bytes) } catch { XCTAssertTrue(error is ImageLoadError) }
            }
        }
    }
}
