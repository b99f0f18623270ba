import CCairo
import ConvModel
import Foundation
import XCTest
@testable import ConvRender

/// Loading and saving image files. Expected values are worked out by hand: an 8-bit sample v
/// is v/255, colour is 0.2126 R + 0.7152 G + 0.0722 B, and alpha is composited on black.
final class ImageFileTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("ImageFileTests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    // MARK: PNG

    func testPNGWithAlphaBecomesLumaOnBlack() throws {
        // Premultiplied ARGB32, as cairo keeps it in memory. Row 0 is opaque red, green, blue,
        // white; row 1 is transparent, white at alpha 128, red at alpha 128 and opaque (51, 102, 204).
        let path = try writePNG(width: 4, height: 2, format: CAIRO_FORMAT_ARGB32, pixels: [
            argb(255, 255, 0, 0), argb(255, 0, 255, 0), argb(255, 0, 0, 255), argb(255, 255, 255, 255),
            argb(0, 0, 0, 0), argb(128, 128, 128, 128), argb(128, 128, 0, 0), argb(255, 51, 102, 204),
        ])
        let image = try ImageFile.load(path: path, maxSide: nil)
        XCTAssertEqual(image.name, "picture.png")
        XCTAssertEqual(image.grid.width, 4)
        XCTAssertEqual(image.grid.height, 2)
        // White at alpha 128/255 on black: 128/255 = 0.5019608.
        // Red at alpha 128/255 on black: 0.2126 · 128/255 = 0.1067168.
        // (51, 102, 204)/255 = (0.2, 0.4, 0.8): 0.04252 + 0.28608 + 0.05776 = 0.38636.
        assertValues(image.grid, [0.2126, 0.7152, 0.0722, 1,
                                  0, 0.5019608, 0.1067168, 0.38636])
    }

    func testOpaquePNGWithoutAlpha() throws {
        let path = try writePNG(width: 3, height: 1, format: CAIRO_FORMAT_RGB24, pixels: [
            argb(255, 255, 0, 0), argb(255, 51, 102, 204), argb(255, 0, 0, 0),
        ])
        assertValues(try ImageFile.load(path: path, maxSide: nil).grid, [0.2126, 0.38636, 0])
    }

    func testCorruptPNGAfterAValidSignature() throws {
        let path = try write("bad.png", PNGChunkScan.signature + Array("this is not a PNG at all, only text".utf8))
        assertLoadThrows(path) { error in
            guard case .corruptPNG(path, _) = error else { return XCTFail("got \(error)") }
        }
    }

    func testPNGWithAMisshapenIHDR() throws {
        var bytes = pngHeader(width: 4, height: 4)
        bytes[11] = 12
        let path = try write("odd.png", bytes)
        assertLoadThrows(path) {
            XCTAssertEqual($0, .corruptPNG(path, detail: "the IHDR chunk is 12 bytes long, not 13"))
        }
    }

    func testTruncatedPNGIsReportedByCairo() throws {
        let whole = try Data(contentsOf: URL(fileURLWithPath: writePNG(
            width: 16, height: 16, format: CAIRO_FORMAT_ARGB32,
            pixels: (0..<256).map { argb(255, UInt8($0), UInt8(255 - $0), UInt8($0 / 2)) })))
        let path = try write("cut.png", Array(whole.prefix(whole.count / 2)))
        assertLoadThrows(path) { error in
            guard case .corruptPNG(path, _) = error else { return XCTFail("got \(error)") }
        }
    }

    /// Issue 10: a 33-byte PNG whose width × height overflows used to kill every command with
    /// SIGILL; a 46-byte one whose text chunk claims 2³¹ − 1 bytes cost 2 GB inside libpng.
    func testHostilePNGHeadersAreOneLineErrors() throws {
        let overflow = try write("overflow.png", pngHeader(width: 3_500_000_000, height: 3_500_000_000))
        assertLoadThrows(overflow) { XCTAssertEqual($0, .tooLarge(overflow, width: 3_500_000_000, height: 3_500_000_000)) }
        let whole = try Data(contentsOf: URL(fileURLWithPath: writePNG(width: 1, height: 1, format: CAIRO_FORMAT_RGB24,
                                                                      pixels: [argb(255, 9, 9, 9)])))
        // Signature and IHDR (33 bytes), then a text chunk that claims 2 GB and holds 5 bytes.
        let text = Array(whole.prefix(33)) + [0x7F, 0xFF, 0xFF, 0xFF] + Array("tEXtab".utf8) + [0, 0, 0]
        XCTAssertEqual(text.count, 46)
        let long = try write("long.png", text)
        assertLoadThrows(long) {
            XCTAssertEqual($0, .corruptPNG(long, detail: "chunk tEXt claims 2147483647 bytes but only 1 follow"))
        }
    }

    /// Cairo reports libpng's errors as "out of memory"; a corrupt file must read as corrupt.
    func testCorruptImageDataIsNotReportedAsOutOfMemory() throws {
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: writePNG(
            width: 16, height: 16, format: CAIRO_FORMAT_ARGB32,
            pixels: (0..<256).map { argb(255, UInt8($0), 7, 7) }))))
        // Damage the compressed pixel data inside IDAT (found after IHDR, at byte 33).
        let idat = (33 ..< bytes.count - 4).first { Array(bytes[$0 ..< $0 + 4]) == Array("IDAT".utf8) }!
        for i in idat + 6 ..< min(idat + 40, bytes.count - 16) { bytes[i] ^= 0x5A }
        let path = try write("damaged.png", bytes)
        assertLoadThrows(path) { error in
            guard case let .corruptPNG(p, detail) = error, p == path else { return XCTFail("got \(error)") }
            XCTAssertFalse(detail.contains("memory"), detail)
        }
    }

    func testPNGWhoseHeaderDeclaresAHugeSizeIsRejectedBeforeDecoding() throws {
        let path = try write("huge.png", pngHeader(width: 100_000, height: 100_000))
        let start = Date()
        assertLoadThrows(path) { XCTAssertEqual($0, .tooLarge(path, width: 100_000, height: 100_000)) }
        XCTAssertLessThan(Date().timeIntervalSince(start), 0.5)
    }

    func testPNGWhoseHeaderDeclaresZeroWidth() throws {
        let path = try write("empty.png", pngHeader(width: 0, height: 5))
        assertLoadThrows(path) { XCTAssertEqual($0, .zeroSize(path, width: 0, height: 5)) }
    }

    // MARK: PGM in and out

    func testSavePGMWritesP5WithRoundedBytes() throws {
        let path = folder.appendingPathComponent("saved.pgm").path
        // 0.5 · 255 = 127.5 rounds to 128; 0.2 · 255 = 51; 1.2 clamps to 255; −0.3 clamps to 0.
        try ImageFile.savePGM(Grid(rows: [[0, 0.5, 1], [0.2, 1.2, -0.3]]), to: path)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        XCTAssertEqual(bytes, Array("P5\n3 2\n255\n".utf8) + [0, 128, 255, 51, 255, 0])
    }

    func testPGMRoundTripThroughSavePGM() throws {
        let path = folder.appendingPathComponent("round.pgm").path
        try ImageFile.savePGM(Grid(rows: [[0, 0.2, 0.4], [0.6, 0.8, 1]]), to: path)
        let image = try ImageFile.load(path: path, maxSide: nil)
        XCTAssertEqual(image.name, "round.pgm")
        // 51, 102, 153, 204 of 255 are exactly 0.2, 0.4, 0.6, 0.8.
        assertValues(image.grid, [0, 0.2, 0.4, 0.6, 0.8, 1])
        XCTAssertEqual(image.grid.width, 3)
    }

    func testLoadShrinksToMaxSide() throws {
        let path = try write("big.pgm", Array("P5 4 2 255\n".utf8) + [0, 102, 255, 255,
                                                                   204, 102, 51, 153])
        let image = try ImageFile.load(path: path, maxSide: 2)
        // 4×2 → 2×1: (0 + 102 + 204 + 102)/4 = 102 → 0.4; (255 + 255 + 51 + 153)/4 = 178.5 → 0.7.
        XCTAssertEqual(image.grid.width, 2)
        XCTAssertEqual(image.grid.height, 1)
        assertValues(image.grid, [0.4, 0.7])
        XCTAssertEqual(try ImageFile.load(path: path, maxSide: 10).grid.width, 4)
    }

    func testSavePGMIntoAMissingFolderThrows() {
        let path = folder.appendingPathComponent("no/such/folder/x.pgm").path
        XCTAssertThrowsError(try ImageFile.savePGM(Grid(rows: [[1]]), to: path)) { error in
            guard case .unwritable(path, _)? = error as? ImageLoadError else { return XCTFail("got \(error)") }
        }
    }

    func testSavePGMOfAnEmptyGridThrows() {
        let path = folder.appendingPathComponent("none.pgm").path
        XCTAssertThrowsError(try ImageFile.savePGM(Grid(width: 0, height: 3), to: path))
    }

    // MARK: bad files

    func testMissingFile() {
        let path = folder.appendingPathComponent("nothing-here.pgm").path
        assertLoadThrows(path) { XCTAssertEqual($0, .missingFile(path)) }
    }

    func testEmptyFile() throws {
        let path = try write("empty.pgm", [])
        assertLoadThrows(path) { XCTAssertEqual($0, .emptyFile(path)) }
    }

    func testDirectoryIsUnreadable() {
        let path = folder.path
        assertLoadThrows(path) { XCTAssertEqual($0, .unreadable(path, reason: "it is a directory")) }
    }

    func testDeviceIsNotReadAsAFile() {
        // /dev/zero would never end; anything but a regular file is refused before reading.
        assertLoadThrows("/dev/zero") { XCTAssertEqual($0, .unreadable("/dev/zero", reason: "it is not a regular file")) }
    }

    func testUnknownFormat() throws {
        let path = try write("notes.txt", Array("hello".utf8))
        assertLoadThrows(path) { XCTAssertEqual($0, .unknownFormat(path)) }
    }

    func testTruncatedPGMFile() throws {
        let path = try write("short.pgm", Array("P5\n24 24\n255\n".utf8) + [UInt8](repeating: 9, count: 100))
        assertLoadThrows(path) {
            XCTAssertEqual($0.description, "'\(path)' is truncated: header says 24×24 pixels but the file holds 100")
        }
    }

    // MARK: helpers

    private func argb(_ a: UInt8, _ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt32 {
        UInt32(a) << 24 | UInt32(r) << 16 | UInt32(g) << 8 | UInt32(b)
    }

    /// Writes `pixels` (cairo's native 32-bit words, premultiplied) into a cairo image surface
    /// and saves it with cairo's own PNG writer.
    private func writePNG(width: Int, height: Int, format: cairo_format_t, pixels: [UInt32]) throws -> String {
        let surface = cairo_image_surface_create(format, Int32(width), Int32(height))
        defer { cairo_surface_destroy(surface) }
        XCTAssertEqual(cairo_surface_status(surface), CAIRO_STATUS_SUCCESS)
        cairo_surface_flush(surface)
        let data = cairo_image_surface_get_data(surface)!
        let stride = Int(cairo_image_surface_get_stride(surface))
        for r in 0..<height {
            let row = UnsafeMutableRawPointer(data + r * stride).assumingMemoryBound(to: UInt32.self)
            for c in 0..<width { row[c] = pixels[r * width + c] }
        }
        cairo_surface_mark_dirty(surface)
        let path = folder.appendingPathComponent("picture.png").path
        XCTAssertEqual(cairo_surface_write_to_png(surface, path), CAIRO_STATUS_SUCCESS)
        return path
    }

    /// The PNG signature and an IHDR chunk declaring `width`×`height` (8-bit RGBA; the CRC is
    /// left zero, since the size must be refused before anything checks it).
    private func pngHeader(width: UInt32, height: UInt32) -> [UInt8] {
        func bigEndian(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
        return PNGChunkScan.signature + [0, 0, 0, 13] + Array("IHDR".utf8) + bigEndian(width) + bigEndian(height)
            + [8, 6, 0, 0, 0] + [0, 0, 0, 0]
    }

    private func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    private func assertLoadThrows(_ path: String, file: StaticString = #filePath, line: UInt = #line,
                                  _ check: (ImageLoadError) -> Void) {
        XCTAssertThrowsError(try ImageFile.load(path: path, maxSide: nil), file: file, line: line) { error in
            guard let error = error as? ImageLoadError else {
                return XCTFail("not an ImageLoadError: \(error)", file: file, line: line)
            }
            XCTAssertFalse(error.description.contains("\n"), file: file, line: line)
            check(error)
        }
    }

    private func assertValues(_ grid: Grid, _ expected: [Float], accuracy: Float = 1e-5,
                              file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(grid.values.count, expected.count, "value count", file: file, line: line)
        for (i, (got, want)) in zip(grid.values, expected).enumerated() {
            XCTAssertEqual(got, want, accuracy: accuracy, "value \(i)", file: file, line: line)
        }
    }
}
