import CCairo
import ConvModel
@testable import ConvRender
import Foundation
import XCTest

/// The memo puts strings together from their characters' glyphs; what it answers must be what
/// Cairo answers for the whole string, to the last bit, in every face and at many sizes.
final class TextMemoTests: XCTestCase {
    /// Strings like the picture's: numbers with the minus sign and ×, words, spaces at the ends and
    /// in a row, symbols, a character DejaVu has no glyph for, and none at all.
    static let samples = [
        "", " ", "  ", "0", "0.3", "−1.25", "(−1)×0.3", "+ 1×0", "= −0.04", "weighted sum at row 12, column 7",
        "max(0, 0.3, 0.3, 0) = 0.3", "Σ of 49 weight × value products", "ReLU: max(0, −2.5) = 0",
        " leading", "trailing ", "two  spaces", "1.2e−5", "…", "position 32/484", "→ pool row 1", "▶", "≈ 3",
        "WWWWW", "iiiii", "Tj fy", "\u{1F600}", "tab\there", "ÀÉÎÕÜ ñ ß", "a\u{0301}",
    ]

    func testWidthsExtentsAndGlyphsAreCairosOwn() throws {
        let surface = try ImageSurface(width: 1, height: 1, opaque: true)
        let context = DrawingContext(surface)
        let memo = TextMemo()
        let canvas = Canvas(cr: context.pointer, memo: memo)
        let cr = context.pointer
        for size in [7.0, 9.5, 11.0, 12.75, 13.2, 14.0, 16.5, 21.0, 26.4, 33.0, 40.0] {
            for face in ["regular", "bold", "mono"] {
                switch face {
                case "bold": canvas.font(size, bold: true)
                case "mono": canvas.monoFont(size)
                default: canvas.font(size)
                }
                // Twice: the second time every character's glyph is known already.
                for _ in 0..<2 {
                    for s in TextMemoTests.samples {
                        let what = "'\(s)' \(face) \(size)"
                        let cairo = TextMemo.extents(s, cr), ours = memo.extents(s, cr)
                        XCTAssertEqual(ours.x_advance, cairo.x_advance, what)
                        XCTAssertEqual(ours.y_advance, cairo.y_advance, what)
                        XCTAssertEqual(ours.x_bearing, cairo.x_bearing, what)
                        XCTAssertEqual(ours.y_bearing, cairo.y_bearing, what)
                        XCTAssertEqual(ours.width, cairo.width, what)
                        XCTAssertEqual(ours.height, cairo.height, what)
                        XCTAssertEqual(memo.width(s, cr), cairo.x_advance, what)
                        // Cairo gives no list at all for no text; either way nothing is drawn.
                        let theirs = (TextMemo.glyphs(s, cr) ?? []).map { [Double($0.index), $0.x, $0.y] }
                        let mine = (memo.glyphs(s, cr) ?? []).map { [Double($0.index), $0.x, $0.y] }
                        XCTAssertEqual(mine, theirs, what)
                    }
                }
            }
        }
    }

    /// A line split into words puts each word where it falls in the whole line, by Cairo's advances:
    /// spaces at the ends and in a row only move the words after them.
    func testWordsLieWhereTheyFallInTheLine() throws {
        let surface = try ImageSurface(width: 1, height: 1, opaque: true)
        let context = DrawingContext(surface)
        let cr = context.pointer, memo = TextMemo()
        Canvas(cr: cr, memo: memo).font(13.2)
        let space = TextMemo.extents(" ", cr).x_advance
        for s in TextMemoTests.samples + ["a b", "  two  words  ", "max of the 2×2 block → pool row 1, column 5"] {
            var expected: [(String, Double, Rect)] = [], dx = 0.0
            for part in s.components(separatedBy: " ") {
                if !part.isEmpty {
                    let e = TextMemo.extents(part, cr)
                    expected.append((part, dx, Rect(x: dx + e.x_bearing - 1, y: e.y_bearing - 1, width: e.width + 2, height: e.height + 2)))
                    dx += e.x_advance
                }
                dx += space
            }
            let run = memo.wordRun(s, cr)
            if !s.contains(" ") {
                // A single word is the whole string as one piece.
                XCTAssertEqual(run.words.map(\.text), s.isEmpty ? [] : [s], s)
                continue
            }
            XCTAssertEqual(run.words.map(\.text), expected.map(\.0), s)
            XCTAssertEqual(run.words.map(\.dx), expected.map(\.1), s)
            XCTAssertEqual(run.words.map(\.ink), expected.map(\.2), s)
            XCTAssertEqual(run.width, TextMemo.extents(s, cr).x_advance, s)
        }
    }

    /// A font that is not one of the canvas's faces is measured by Cairo itself, not from a table
    /// made for another.
    func testAnotherFontIsAskedOfCairo() throws {
        let surface = try ImageSurface(width: 1, height: 1, opaque: true)
        let context = DrawingContext(surface)
        let cr = context.pointer, memo = TextMemo()
        Canvas(cr: cr, memo: memo).font(14)
        let regular = memo.width("convolution", cr)
        cairo_select_font_face(cr, "DejaVu Serif", CAIRO_FONT_SLANT_ITALIC, CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(cr, 14)
        XCTAssertEqual(memo.width("convolution", cr), TextMemo.measure("convolution", cr))
        XCTAssertNotEqual(memo.width("convolution", cr), regular)
    }
}
