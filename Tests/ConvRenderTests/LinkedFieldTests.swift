import ConvModel
@testable import ConvRender
import XCTest

/// Hovering a cell outlines, in the link colour, what feeds it and what it feeds.
final class LinkedFieldTests: XCTestCase {
    private func rect(_ kind: PanelKind, _ b: CellRect, _ s: AppState) -> Rect {
        FrameLayout(state: s).mapping(kind, in: s).blockRect(row: b.row, col: b.col, rowCount: b.height, colCount: b.width)
    }

    private func hovering(_ kind: PanelKind, _ row: Int, _ col: Int, settings: ConvSettings = ConvSettings(),
                          filter: String = "edge_v", theme: Theme = .dark) -> AppState {
        // The scan stays at position 0, away from the hovered cells, so no scan mark covers an outline.
        makeState(filter: filter, settings: settings) {
            $0.hover = HoverTarget(panel: kind, row: row, col: col)
            $0.view.theme = theme
        }
    }

    /// A pool cell: its 2×2 block on the conv panel and, for a 3×3 kernel at stride 1, the 4×4
    /// input cells its four windows read.
    func testPoolCellHover() {
        for theme in Theme.allCases {
            let s = hovering(.pool, 6, 7, theme: theme)
            let frame = renderFrame(s)
            let link = Palette.of(theme).link, w = FrameRenderer.linkWidth(FrameLayout(state: s))
            assertFramed(frame, rect(.conv, CellRect(row: 12, col: 14, width: 2, height: 2), s), width: w, link, "conv block, \(theme)")
            assertFramed(frame, rect(.input, CellRect(row: 12, col: 14, width: 4, height: 4), s), width: w, link, "input field, \(theme)")
        }
        let links = LinkedCells(hover: HoverTarget(panel: .pool, row: 6, col: 7), geometry: makeState().geometry)
        XCTAssertEqual(links.region(.input), .init(outline: CellRect(row: 12, col: 14, width: 4, height: 4), marks: []))
        XCTAssertNil(links.region(.pool))
    }

    /// With stride 2 and `same` padding the field is 5×5 and hangs over the padding at the border.
    func testPoolCellHoverWithStrideAndPadding() {
        let s = hovering(.pool, 0, 2, settings: ConvSettings(stride: 2, padding: .same))
        let w = FrameRenderer.linkWidth(FrameLayout(state: s))
        // Conv cells (0…1, 4…5) read input rows −1…3, columns 7…11.
        assertFramed(renderFrame(s), rect(.input, CellRect(row: -1, col: 7, width: 5, height: 5), s), width: w,
                     Palette.dark.link, "input field")
    }

    /// A conv cell: its k×k window on the input, and the pool cell it feeds.
    func testConvCellHover() {
        for theme in Theme.allCases {
            let s = hovering(.conv, 9, 13, theme: theme)
            let frame = renderFrame(s)
            let link = Palette.of(theme).link, w = FrameRenderer.linkWidth(FrameLayout(state: s))
            assertFramed(frame, rect(.input, CellRect(row: 9, col: 13, width: 3, height: 3), s), width: w, link, "window, \(theme)")
            assertFramed(frame, rect(.pool, CellRect(row: 4, col: 6, width: 1, height: 1), s), width: w, link, "pool cell, \(theme)")
        }
    }

    /// With dilation the window's span is outlined and its taps are marked inside.
    func testConvCellHoverWithDilation() {
        let s = hovering(.conv, 8, 10, settings: ConvSettings(dilation: 2))
        let layout = FrameLayout(state: s)
        let m = layout.mapping(.input, in: s)
        let frame = renderFrame(s)
        let link = Palette.dark.link
        assertFramed(frame, rect(.input, CellRect(row: 8, col: 10, width: 5, height: 5), s), width: FrameRenderer.linkWidth(layout),
                     link, "dilated window")
        let i = FrameRenderer.cellMarkInset(m.cellSize)
        for r in 8..<13 {
            for c in 10..<15 {
                let cell = m.cellRect(row: r, col: c)
                assertNotColor(frame, cell.minX, cell.midY, link, "cell edge (\(r), \(c))")
                if (r - 8) % 2 == 0 && (c - 10) % 2 == 0 {
                    assertColor(frame, cell.minX + i, cell.midY, link, "tap (\(r), \(c))")
                    assertColor(frame, cell.midX, cell.maxY - 1 - i, link, "tap (\(r), \(c))")
                } else {
                    assertNotColor(frame, cell.minX + i, cell.midY, link, "not a tap (\(r), \(c))")
                }
            }
        }
    }

    /// An input pixel: the conv cells whose windows read it (3×3 of them for a 3×3 kernel at
    /// stride 1), and the pool cells those feed.
    func testInputPixelHover() {
        for theme in Theme.allCases {
            let s = hovering(.input, 10, 12, theme: theme)
            let frame = renderFrame(s)
            let link = Palette.of(theme).link, w = FrameRenderer.linkWidth(FrameLayout(state: s))
            assertFramed(frame, rect(.conv, CellRect(row: 8, col: 10, width: 3, height: 3), s), width: w, link, "conv cells, \(theme)")
            assertFramed(frame, rect(.pool, CellRect(row: 4, col: 5, width: 2, height: 2), s), width: w, link, "pool cells, \(theme)")
        }
    }

    /// With dilation the conv cells a pixel feeds are `dilation` apart: their block is outlined
    /// and each of them is marked.
    func testInputPixelHoverWithDilation() {
        let s = hovering(.input, 10, 12, settings: ConvSettings(dilation: 2))
        let links = LinkedCells(hover: s.hover!, geometry: s.geometry)
        let conv = try! XCTUnwrap(links.region(.conv))
        XCTAssertEqual(conv.outline, CellRect(row: 6, col: 8, width: 5, height: 5))
        XCTAssertEqual(Set(conv.marks), Set([6, 8, 10].flatMap { r in [8, 10, 12].map { GridCell(row: r, col: $0) } }))
        let frame = renderFrame(s)
        let m = FrameLayout(state: s).mapping(.conv, in: s)
        let i = FrameRenderer.cellMarkInset(m.cellSize)
        for cell in conv.marks {
            let r = m.cellRect(row: cell.row, col: cell.col)
            assertColor(frame, r.minX + i, r.midY, Palette.dark.link, "fed cell \(cell)")
        }
        let between = m.cellRect(row: 7, col: 9)
        assertNotColor(frame, between.minX + i, between.midY, Palette.dark.link, "cell between")
    }

    /// Nothing is linked without a hover, and a hover on a conv cell in the odd row the pool
    /// drops links no pool cell.
    func testNoHoverNoLinks() {
        XCTAssertNil(FrameScene(state: makeState(), width: 1920, height: 1080).links)
        let g = ConvGeometry(inputWidth: 7, inputHeight: 7, kernelSize: 3, stride: 1, padding: .valid)
        XCTAssertNil(LinkedCells(hover: HoverTarget(panel: .conv, row: 4, col: 0), geometry: g).region(.pool), "row 4 of 5 is dropped")
    }
}
