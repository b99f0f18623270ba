import CCairo
import ConvModel
@testable import ConvRender
import XCTest

/// The pieces of `record`'s Y4M output. Expected colours are worked out by hand from BT.709
/// limited range (Y′ = 0.2126 R + 0.7152 G + 0.0722 B, R, G, B in 0…255):
/// Y = 16 + 219/255·Y′, Cb = 128 + 224/255·(B − Y′)/1.8556, Cr = 128 + 224/255·(R − Y′)/1.5748.
final class Y4MTests: XCTestCase {
    // MARK: one pixel

    func testBlackAndWhiteSpanTheLimitedRange() {
        assertYUV(0, 0, 0, y: 16, cb: 128, cr: 128)
        assertYUV(255, 255, 255, y: 235, cb: 128, cr: 128)
    }

    func testGrayHasNeutralChroma() {
        // 16 + 219·128/255 = 125.93
        assertYUV(128, 128, 128, y: 126, cb: 128, cr: 128)
        for v in 0...255 {
            let c = Y4M.chroma(r: v, g: v, b: v)
            XCTAssertEqual([c.cb, c.cr], [128, 128], "gray \(v)")
        }
    }

    func testPureRed() {
        // Y = 16 + 219·0.2126 = 62.56; Cb = 128 − 224·0.2126/1.8556 = 102.34; Cr = 128 + 224·0.7874/1.5748 = 240
        assertYUV(255, 0, 0, y: 63, cb: 102, cr: 240)
    }

    func testPureGreen() {
        // Y = 16 + 219·0.7152 = 172.63; Cb = 128 − 224·0.7152/1.8556 = 41.66; Cr = 128 − 224·0.7152/1.5748 = 26.27
        assertYUV(0, 255, 0, y: 173, cb: 42, cr: 26)
    }

    func testPureBlue() {
        // Y = 16 + 219·0.0722 = 31.81; Cb = 128 + 224·0.9278/1.8556 = 240; Cr = 128 − 224·0.0722/1.5748 = 117.73
        assertYUV(0, 0, 255, y: 32, cb: 240, cr: 118)
    }

    /// Property: the fixed-point values are the formulas rounded to the nearest integer, for colours
    /// spread over the whole cube (a value within 0.01 of a half may round either way).
    func testFixedPointMatchesTheFormulasEverywhere() {
        for r in stride(from: 0, through: 255, by: 15) {
            for g in stride(from: 0, through: 255, by: 17) {
                for b in stride(from: 0, through: 255, by: 5) {
                    let (y, cb, cr) = formula(Double(r), Double(g), Double(b))
                    let c = Y4M.chroma(r: r, g: g, b: b)
                    assertRounds(Y4M.luma(r: r, g: g, b: b), y, "Y of (\(r), \(g), \(b))")
                    assertRounds(c.cb, cb, "Cb of (\(r), \(g), \(b))")
                    assertRounds(c.cr, cr, "Cr of (\(r), \(g), \(b))")
                }
            }
        }
    }

    func testCoefficientsAreTheFormulasInSixteenBits() {
        func fixed(_ x: Double) -> Int { Int((x * 65536).rounded()) }
        let luma = 219.0 / 255, chroma = 224.0 / 255
        XCTAssertEqual(Y4M.yR, fixed(luma * 0.2126))
        XCTAssertEqual(Y4M.yB, fixed(luma * 0.0722))
        XCTAssertEqual(Y4M.yR + Y4M.yG + Y4M.yB, fixed(luma))
        XCTAssertEqual(Y4M.cbR, fixed(-chroma * 0.2126 / 1.8556))
        XCTAssertEqual(Y4M.cbB, fixed(chroma * (1 - 0.0722) / 1.8556))
        XCTAssertEqual(Y4M.cbR + Y4M.cbG + Y4M.cbB, 0)
        XCTAssertEqual(Y4M.crR, fixed(chroma * (1 - 0.2126) / 1.5748))
        XCTAssertEqual(Y4M.crB, fixed(-chroma * 0.0722 / 1.5748))
        XCTAssertEqual(Y4M.crR + Y4M.crG + Y4M.crB, 0)
    }

    /// Property: the vector path (16 pixels at a time) and the pair-by-pair path give the same
    /// bytes, on random pixels and on widths that need both.
    func testVectorAndPairPathsAgree() {
        var rng = SystemRandomNumberGenerator()
        for width in [2, 16, 18, 30, 48, 62] {
            let height = 4
            let pixels = (0..<(width * height)).map { _ in UInt32.random(in: 0...UInt32.max, using: &rng) | 0xFF00_0000 }
            var y = [UInt8](repeating: 0, count: width * height)
            var u = [UInt8](repeating: 0, count: width * height / 4), v = u
            pixels.withUnsafeBytes { src in
                Y4M.convert(pixels: src.baseAddress!, rowBytes: 4 * width, width: width, height: height, y: &y, u: &u, v: &v)
            }
            for row in 0..<(height / 2) {
                for col in 0..<(width / 2) {
                    let block = [pixels[2 * row * width + 2 * col], pixels[2 * row * width + 2 * col + 1],
                                 pixels[(2 * row + 1) * width + 2 * col], pixels[(2 * row + 1) * width + 2 * col + 1]]
                    let rgb = block.map { (Int(($0 >> 16) & 0xFF), Int(($0 >> 8) & 0xFF), Int($0 & 0xFF)) }
                    let lumas = rgb.map { Y4M.luma(r: $0.0, g: $0.1, b: $0.2) }
                    XCTAssertEqual([y[2 * row * width + 2 * col], y[2 * row * width + 2 * col + 1],
                                    y[(2 * row + 1) * width + 2 * col], y[(2 * row + 1) * width + 2 * col + 1]], lumas,
                                   "luma, width \(width), block (\(row), \(col))")
                    let c = Y4M.chroma(rSum: rgb.map(\.0).reduce(0, +), gSum: rgb.map(\.1).reduce(0, +), bSum: rgb.map(\.2).reduce(0, +))
                    XCTAssertEqual([u[row * width / 2 + col], v[row * width / 2 + col]], [c.cb, c.cr],
                                   "chroma, width \(width), block (\(row), \(col))")
                }
            }
        }
    }

    // MARK: 2×2 blocks

    func testChromaIsTheAverageOfTheBlock() {
        // Red, red, blue, blue average to (127.5, 0, 127.5): Y′ = 36.31,
        // Cb = 128 + 224/255·91.19/1.8556 = 171.17, Cr = 128 + 224/255·91.19/1.5748 = 178.87.
        let c = Y4M.chroma(rSum: 2 * 255, gSum: 0, bSum: 2 * 255)
        XCTAssertEqual(c.cb, 171)
        XCTAssertEqual(c.cr, 179)
    }

    func testConvertKeepsLumaPerPixelAndAveragesChromaPerBlock() {
        // 4×2: the left block is a black and white checker, the right block red over blue.
        let pixels: [UInt32] = [
            0xFF00_0000, 0xFFFF_FFFF, 0xFFFF_0000, 0xFFFF_0000,
            0xFFFF_FFFF, 0xFF00_0000, 0xFF00_00FF, 0xFF00_00FF,
        ]
        var y = [UInt8](repeating: 0, count: 8), u = [UInt8](repeating: 0, count: 2), v = [UInt8](repeating: 0, count: 2)
        pixels.withUnsafeBytes { src in
            Y4M.convert(pixels: src.baseAddress!, rowBytes: 16, width: 4, height: 2, y: &y, u: &u, v: &v)
        }
        XCTAssertEqual(y, [16, 235, 63, 63, 235, 16, 32, 32])
        XCTAssertEqual(u, [128, 171])
        XCTAssertEqual(v, [128, 179])
    }

    func testFrameFromASurfaceHasTheMarkerThenThePlanes() throws {
        let surface = try ImageSurface(width: 4, height: 4, opaque: true)
        let context = DrawingContext(surface)
        // Top half green, bottom half white; the bottom-right 2×2 block blue.
        cairo_set_source_rgb(context.pointer, 0, 1, 0)
        cairo_paint(context.pointer)
        cairo_set_source_rgb(context.pointer, 1, 1, 1)
        cairo_rectangle(context.pointer, 0, 2, 4, 2)
        cairo_fill(context.pointer)
        cairo_set_source_rgb(context.pointer, 0, 0, 1)
        cairo_rectangle(context.pointer, 2, 2, 2, 2)
        cairo_fill(context.pointer)

        let frame = try Y4MFrame(width: 4, height: 4)
        frame.fill(from: surface)
        XCTAssertEqual(frame.bytes.count, Y4M.frameByteCount(width: 4, height: 4))
        XCTAssertEqual(Array(frame.bytes.prefix(6)), Array("FRAME\n".utf8))
        XCTAssertEqual(Array(frame.planes), [
            173, 173, 173, 173,
            173, 173, 173, 173,
            235, 235, 32, 32,
            235, 235, 32, 32,
            42, 42, 128, 240,     // U: green, green; white, blue
            26, 26, 128, 118,     // V
        ])
    }

    func testANewFrameIsBlack() throws {
        let frame = try Y4MFrame(width: 2, height: 2)
        XCTAssertEqual(Array(frame.planes), [16, 16, 16, 16, 128, 128])
    }

    // MARK: framing

    func testHeader() {
        XCTAssertEqual(Y4M.header(width: 1920, height: 1080, fps: 30),
                       "YUV4MPEG2 W1920 H1080 F30:1 Ip A1:1 C420jpeg XCOLORRANGE=LIMITED\n")
        XCTAssertEqual(Y4M.header(width: 64, height: 48, fps: 240),
                       "YUV4MPEG2 W64 H48 F240:1 Ip A1:1 C420jpeg XCOLORRANGE=LIMITED\n")
    }

    func testFrameSizes() {
        XCTAssertEqual(Y4M.planeByteCount(width: 4, height: 2), 8 + 2 + 2)
        XCTAssertEqual(Y4M.frameByteCount(width: 4, height: 2), 6 + 12)
        XCTAssertEqual(Y4M.frameByteCount(width: 1920, height: 1080), 6 + 1920 * 1080 * 3 / 2)
    }

    func testOddAndEmptySizesAreRefused() {
        XCTAssertNoThrow(try Y4M.checkSize(width: 2, height: 2))
        XCTAssertThrowsError(try Y4M.checkSize(width: 641, height: 400)) { error in
            XCTAssertEqual(error as? Y4MError, .oddSize(width: 641, height: 400))
            XCTAssertTrue("\(error)".contains("try --size 642x400"), "\(error)")
        }
        XCTAssertThrowsError(try Y4M.checkSize(width: 640, height: 401))
        XCTAssertThrowsError(try Y4M.checkSize(width: 0, height: 2)) { error in
            XCTAssertEqual(error as? Y4MError, .badSize(width: 0, height: 2))
        }
        XCTAssertThrowsError(try Y4MFrame(width: 3, height: 2))
    }

    func testFrameCountCoversTheDuration() {
        XCTAssertEqual(Y4M.frameCount(seconds: 20, fps: 30), 600)
        XCTAssertEqual(Y4M.frameCount(seconds: 1, fps: 24), 24)
        XCTAssertEqual(Y4M.frameCount(seconds: 0.5, fps: 30), 15)
        // The last frame starts before the end: 0.51 s needs a 16th frame at 0.5 s.
        XCTAssertEqual(Y4M.frameCount(seconds: 0.51, fps: 30), 16)
        XCTAssertEqual(Y4M.frameCount(seconds: 0.001, fps: 30), 1)
        // 14.1 × 30 is 423.00000000000006 in binary: still 423 frames, not 424.
        XCTAssertEqual(Y4M.frameCount(seconds: 14.1, fps: 30), 423)
        XCTAssertEqual(Y4M.frameCount(seconds: Tour.builtin.duration, fps: 30),
                       Int((Tour.builtin.duration * 30).rounded(.up)))
        XCTAssertEqual(Y4M.frameCount(seconds: 0, fps: 30), 0)
        XCTAssertEqual(Y4M.frameCount(seconds: .infinity, fps: 30), 0)
    }

    // MARK: helpers

    private func formula(_ r: Double, _ g: Double, _ b: Double) -> (Double, Double, Double) {
        let luma = 0.2126 * r + 0.7152 * g + 0.0722 * b
        return (16 + 219 / 255 * luma, 128 + 224 / 255 * (b - luma) / 1.8556, 128 + 224 / 255 * (r - luma) / 1.5748)
    }

    private func assertRounds(_ got: UInt8, _ exact: Double, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        let nearHalf = abs(exact - exact.rounded(.down) - 0.5) < 0.01
        if nearHalf {
            XCTAssertTrue([exact.rounded(.down), exact.rounded(.up)].contains(Double(got)),
                          "\(what): \(got), exact \(exact)", file: file, line: line)
        } else {
            XCTAssertEqual(Double(got), exact.rounded(), "\(what): exact \(exact)", file: file, line: line)
        }
    }

    private func assertYUV(_ r: Int, _ g: Int, _ b: Int, y: UInt8, cb: UInt8, cr: UInt8,
                           file: StaticString = #filePath, line: UInt = #line) {
        let c = Y4M.chroma(r: r, g: g, b: b)
        XCTAssertEqual([Y4M.luma(r: r, g: g, b: b), c.cb, c.cr], [y, cb, cr], "(\(r), \(g), \(b))", file: file, line: line)
    }
}
