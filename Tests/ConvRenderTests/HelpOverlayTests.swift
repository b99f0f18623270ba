import ConvModel
@testable import ConvRender
import XCTest

/// The help overlay lists every key binding, in order, on the frame.
final class HelpOverlayTests: XCTestCase {
    func testListsEveryBindingInOrder() {
        let help = FrameRenderer().helpOverlay(for: makeState())
        XCTAssertEqual(help.rows.map(\.keys), KeyBindings.all.map(\.keys))
        XCTAssertEqual(help.rows.map(\.description), KeyBindings.all.map(\.description))
        XCTAssertEqual(HelpOverlay.lines, KeyBindings.all)
    }

    /// At every usual window size the card and each row fit inside the frame and rows do not
    /// overlap; from 800×600 up the text is at least 12 px.
    func testFitsTheFrame() {
        for (w, h) in [(640, 400), (800, 600), (1280, 800), (1920, 1080), (3840, 2160), (1080, 1920)] {
            let s = makeState(width: w, height: h)
            let help = FrameRenderer().helpOverlay(for: s)
            let frame = FrameLayout(state: s).bounds
            XCTAssertTrue(frame.contains(help.card), "card at \(w)×\(h)")
            if w >= 800 && h >= 600 { XCTAssertGreaterThanOrEqual(help.fontSize, 12, "\(w)×\(h)") }
            XCTAssertGreaterThanOrEqual(help.fontSize, 6)
            for row in help.rows {
                XCTAssertTrue(help.card.contains(row.keysRect), "\(row.keys) at \(w)×\(h)")
                XCTAssertTrue(help.card.contains(row.descriptionRect), "\(row.keys) at \(w)×\(h)")
                XCTAssertLessThanOrEqual(row.keysRect.maxX, row.descriptionRect.minX)
            }
            for (a, b) in zip(help.rows, help.rows.dropFirst()) where a.keysRect.minX == b.keysRect.minX {
                XCTAssertLessThanOrEqual(a.keysRect.maxY, b.keysRect.minY + 1e-9, "rows overlap at \(w)×\(h)")
            }
        }
    }

    /// Each row's keys and description are really drawn: there is ink where the layout puts them.
    func testEveryRowIsDrawn() {
        for theme in Theme.allCases {
            let s = makeState { $0.view.showHelp = true; $0.view.theme = theme }
            let frame = renderFrame(s)
            let help = FrameRenderer().helpOverlay(for: s)
            let card = Palette.of(theme).card.rgb
            for row in help.rows {
                for rect in [row.keysRect, row.descriptionRect] {
                    var ink = 0
                    for y in stride(from: rect.minY, to: rect.maxY, by: 1) {
                        for x in stride(from: rect.minX, to: rect.maxX, by: 1) where frame.rgb(x, y) != card { ink += 1 }
                    }
                    XCTAssertGreaterThan(ink, 10, "'\(row.keys)' row is drawn in \(theme)")
                }
            }
        }
    }

    func testHiddenUnlessAsked() {
        let s = makeState()
        let help = FrameRenderer().helpOverlay(for: s)
        let frame = renderFrame(s)
        let card = Palette.dark.card.rgb
        // Without the overlay, the card's middle shows the frame, not the card.
        XCTAssertNotEqual(frame.rgb(help.card.midX, help.card.minY + 3), card)
    }
}
