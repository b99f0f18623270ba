import ConvModel
@testable import ConvRender
import XCTest

/// The code overlay lays out every line of both snippets, fits the window, and draws them.
final class CodeOverlayTests: XCTestCase {
    private let sizes = [(640, 400), (800, 600), (1280, 800), (1920, 1080), (3840, 2160), (1080, 1920)]

    private func states() -> [AppState] {
        let seven = Kernel.custom(size: 7, weights: (0..<49).map { Float($0 % 5) - 2.125 })
        return [
            makeState(),
            makeState(filter: "gaussian", settings: ConvSettings(stride: 2, padding: .same, bias: -0.25, dilation: 3,
                                                                 flip: true, pool: .avg)),
            makeState { $0.update(.setKernel(seven)) },
        ]
    }

    func testEveryLineIsLaidOutInOrder() {
        for s in states() {
            let code = FrameRenderer().codeOverlay(for: s)
            XCTAssertEqual(code.lines.map(\.text), s.codeSnippets.flatMap(\.lines))
            XCTAssertEqual(code.headers.map(\.text), ["NumPy", "PyTorch"])
            XCTAssertEqual(code.lines.map(\.language), s.codeSnippets.flatMap { sn in sn.lines.map { _ in sn.language } })
        }
    }

    /// At every usual window size the card, the headings and every line lie inside the frame, lines
    /// do not overlap, and from 1280×800 up the code is at least 12 px; wide windows get two columns.
    func testFitsTheFrame() {
        for s0 in states() {
            for (w, h) in sizes {
                var s = s0
                s.update(.resize(width: w, height: h))
                let code = FrameRenderer().codeOverlay(for: s)
                let frame = FrameLayout(state: s).bounds
                let name = "\(w)×\(h), \(s.kernel.label)"
                XCTAssertTrue(frame.contains(code.card), name)
                if w >= 1280 && h >= 800 { XCTAssertGreaterThanOrEqual(code.fontSize, 12, name) }
                if w >= 1920 && h >= 1080 && s.kernel.size <= 5 { XCTAssertEqual(code.columns, 2, name) }
                for r in code.headers.map(\.rect) + code.lines.map(\.rect) + [code.titleRect, code.footerRect] {
                    XCTAssertTrue(code.card.contains(r), "\(r) in \(code.card) at \(name)")
                }
                let rows = (code.headers.map(\.rect) + code.lines.map(\.rect)).sorted { ($0.minX, $0.minY) < ($1.minX, $1.minY) }
                for (a, b) in zip(rows, rows.dropFirst()) where a.minX == b.minX {
                    XCTAssertLessThanOrEqual(a.maxY, b.minY + 1e-9, "rows overlap at \(name)")
                }
                XCTAssertLessThanOrEqual(code.titleRect.maxY, rows.map(\.minY).min()! + 1e-9, name)
                XCTAssertLessThanOrEqual(rows.map(\.maxY).max()!, code.footerRect.minY + 1e-9, name)
            }
        }
        XCTAssertEqual(FrameRenderer().codeOverlay(for: makeState(width: 1080, height: 1920)).columns, 1, "portrait")
    }

    /// Every line with text is drawn: ink where the layout puts it, and the widest line fits its column.
    func testEveryLineIsDrawn() {
        for theme in Theme.allCases {
            for s0 in states() {
                var s = s0
                s.view.showCode = true
                s.view.theme = theme
                let frame = renderFrame(s)
                let code = FrameRenderer().codeOverlay(for: s)
                let card = Palette.of(theme).card.rgb
                for line in code.lines where !line.text.trimmingCharacters(in: .whitespaces).isEmpty {
                    var ink = 0, right = line.rect.minX
                    for y in stride(from: line.rect.minY, to: line.rect.maxY, by: 1) {
                        // Up to a font size past the column: less than the gap to the next column.
                        for x in stride(from: line.rect.minX, to: line.rect.maxX + code.fontSize, by: 1) where frame.rgb(x, y) != card {
                            ink += 1
                            right = max(right, x)
                        }
                    }
                    XCTAssertGreaterThan(ink, 10, "'\(line.text)' in \(theme)")
                    XCTAssertLessThanOrEqual(right, line.rect.maxX + 1, "'\(line.text)' stays in its column")
                }
            }
        }
    }

    func testHiddenUnlessAsked() {
        let s = makeState()
        let code = FrameRenderer().codeOverlay(for: s)
        XCTAssertNotEqual(renderFrame(s).rgb(code.card.midX, code.card.minY + 3), Palette.dark.card.rgb)
        var shown = s
        shown.update(.toggleCode)
        XCTAssertEqual(renderFrame(shown).rgb(code.card.midX, code.card.minY + 3), Palette.dark.card.rgb)
    }
}
