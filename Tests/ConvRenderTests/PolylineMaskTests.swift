import CCairo
import ConvModel
@testable import ConvRender
import XCTest

/// The plots' line mask, worked by hand: a line on whole pixels covers exactly its pixels, flat
/// at its ends; a slanted one covers about its area, length × width; a bend is joined round;
/// nothing is written outside the mask.
final class PolylineMaskTests: XCTestCase {
    private func mask(_ line: [(x: Double, y: Double)], halfWidth: Double, width: Int = 16, height: Int = 10) -> [[UInt8]] {
        var data = [UInt8](repeating: 0, count: width * height)
        data.withUnsafeMutableBufferPointer {
            PolylineMask.rasterise(line, halfWidth: halfWidth, into: $0.baseAddress!, stride: width, width: width, height: height)
        }
        return (0..<height).map { Array(data[($0 * width)..<(($0 + 1) * width)]) }
    }

    /// From (2, 5) to (12, 5), 2 wide: the band y 4…6 over x 2…12, that is rows 4 and 5 and
    /// columns 2 to 11, every pixel whole, and not a pixel more (flat ends, not round ones).
    func testALineOnWholePixelsCoversExactlyThem() {
        let m = mask([(2, 5), (12, 5)], halfWidth: 1)
        for y in 0..<10 {
            for x in 0..<16 {
                let inside = (4...5).contains(y) && (2...11).contains(x)
                XCTAssertEqual(m[y][x], inside ? 255 : 0, "pixel (\(x), \(y))")
            }
        }
    }

    /// A slanted segment's coverage adds up to its area, 2 × √(20² + 10²) ≈ 44.7 pixels, within
    /// the antialiasing's error; and every pixel whose centre lies on the segment is whole.
    func testASlantedLineCoversItsArea() {
        let m = mask([(3, 3), (23, 13)], halfWidth: 1, width: 32, height: 20)
        let area = m.joined().reduce(0.0) { $0 + Double($1) / 255 }
        let expected = 2 * (20.0 * 20 + 10 * 10).squareRoot()
        XCTAssertEqual(area, expected, accuracy: expected * 0.03)
        // (13, 8) is the segment's midpoint: the pixel whose centre is (13.5, 8.5) is within 0.23 of it.
        XCTAssertEqual(m[8][13], 255)
        XCTAssertEqual(m[0][31], 0)
    }

    /// Two segments meeting at (8, 5) at a right angle, 2 wide: the outer corner is a quarter of a
    /// disc of radius 1, so the corner pixel (8, 5) is covered by about π/4 of it (its centre lies
    /// 0.71 from the bend: 1.5 − 0.71 = 0.79); the pixel diagonally beyond it, 2.1 away, not at
    /// all; and the pixel above it, inside the vertical arm, whole.
    func testABendIsJoinedRound() {
        let m = mask([(2, 5), (8, 5), (8, 0)], halfWidth: 1)
        XCTAssertEqual(Double(m[5][8]) / 255, 1.5 - 0.5.squareRoot(), accuracy: 0.01)
        XCTAssertEqual(Double(m[5][8]) / 255, Double.pi / 4, accuracy: 0.02)
        XCTAssertEqual(m[6][9], 0)
        XCTAssertEqual(m[4][8], 255)
        XCTAssertEqual(m[5][7], 255, "the horizontal arm's last pixel")
    }

    /// Points far outside the mask write nothing outside it (the rows are the whole buffer).
    func testNothingIsWrittenOutsideTheMask() {
        let width = 8, height = 6
        var data = [UInt8](repeating: 0, count: width * height + 16)
        data.withUnsafeMutableBufferPointer {
            PolylineMask.rasterise([(-50, -50), (4, 3), (60, 40), (-10, 90)], halfWidth: 2, into: $0.baseAddress!,
                                   stride: width, width: width, height: height)
        }
        XCTAssertEqual(Array(data[(width * height)...]), [UInt8](repeating: 0, count: 16))
        XCTAssertGreaterThan(data[3 * width + 4], 0)
    }

    /// Through Cairo: a line drawn in a colour on a white surface puts that colour on the pixels it
    /// covers whole and leaves the rest white; pairs with NaN are skipped.
    func testStrokeDrawsTheLineInTheSourceColour() throws {
        let surface = try ImageSurface(width: 20, height: 10, opaque: true)
        let context = DrawingContext(surface)
        let cr = context.pointer
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_set_source_rgb(cr, 0, 0, 1)
        PolylineMask().stroke(cr, area: Rect(x: 0, y: 0, width: 20, height: 10),
                              points: [(2, 5), (.nan, 3), (12, 5)], lineWidth: 2)
        XCTAssertEqual(surface.pixel(x: 5, y: 4) & 0xFF_FFFF, 0x0000FF)
        XCTAssertEqual(surface.pixel(x: 5, y: 5) & 0xFF_FFFF, 0x0000FF)
        XCTAssertEqual(surface.pixel(x: 5, y: 3) & 0xFF_FFFF, 0xFFFFFF)
        XCTAssertEqual(surface.pixel(x: 15, y: 4) & 0xFF_FFFF, 0xFFFFFF)
    }
}
