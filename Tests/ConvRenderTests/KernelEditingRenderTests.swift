import ConvModel
@testable import ConvRender
import XCTest

/// The kernel grid as drawn while editing: the weights applied, the selected one ringed, the
/// number being typed, the caption, and the status line.
final class KernelEditingRenderTests: XCTestCase {
    private func kernelCell(_ s: AppState, _ shown: GridCell) -> Rect {
        let layout = FrameLayout(state: s)
        let grid = KernelGrid(in: layout.detail.kernel, size: s.kernel.size)
        let gap = FrameRenderer.smallGridGap(grid.cell, layout)
        let r = grid.rect(of: shown)
        return Rect(x: r.x, y: r.y, width: r.width - gap, height: r.height - gap)
    }

    /// The selected weight is ringed where it is shown: in place without flip, turned 180° with it.
    func testSelectedWeightRing() {
        for flip in [false, true] {
            for theme in Theme.allCases {
                let s = makeState(filter: "emboss", settings: ConvSettings(flip: flip), position: 40) {
                    $0.update(.selectWeight(row: 0, col: 1))
                    $0.view.theme = theme
                }
                let shown = flip ? GridCell(row: 2, col: 1) : GridCell(row: 0, col: 1)
                XCTAssertEqual(s.shownSelectedWeight, shown)
                let cell = kernelCell(s, shown)
                XCTAssertEqual(FrameRenderer.selectedWeightRect(s, FrameLayout(state: s)), cell)
                let layout = FrameLayout(state: s)
                assertFramed(renderFrame(s), cell, width: FrameRenderer.ringWidth(layout, cell: cell.width),
                             Palette.of(theme).box, "ring, flip \(flip), \(theme)")
            }
        }
        // No selection, no ring.
        let plain = makeState(filter: "emboss", position: 40)
        let cell = kernelCell(plain, GridCell(row: 0, col: 1))
        assertNotColor(renderFrame(plain), cell.midX, cell.minY - 1, Palette.dark.box, "no ring")
    }

    /// While a number is typed, the cell shows it on the card colour with a caret, not the value.
    func testTypedNumberWithCaret() {
        var s = makeState(filter: "sharpen", position: 40) { $0.update(.selectWeight(row: 1, col: 1)) }
        let cell = kernelCell(s, GridCell(row: 1, col: 1))
        let before = renderFrame(s)
        s.update(.typeWeightCharacter("-"))
        s.update(.typeWeightCharacter("2"))
        XCTAssertEqual(FrameRenderer.typedWeight(s)?.text, "-2")
        let frame = renderFrame(s)
        let p = Palette.dark
        let ring = FrameRenderer.ringWidth(FrameLayout(state: s), cell: cell.width)
        assertColor(frame, cell.minX + ring + 1, cell.minY + ring + 1, p.card, "edit field background")
        var caret = 0, changed = 0
        for y in stride(from: cell.minY, to: cell.maxY, by: 1) {
            for x in stride(from: cell.minX, to: cell.maxX, by: 1) {
                if frame.rgb(x, y) == p.box.rgb { caret += 1 }
                if frame.rgb(x, y) != before.rgb(x, y) { changed += 1 }
            }
        }
        XCTAssertGreaterThan(caret, 4, "a caret in the box colour")
        XCTAssertGreaterThan(changed, Int(cell.width * cell.height / 2), "the value gave way to the typed text")
        // A number too long for the cell is made smaller and then shortened at its front: the
        // neighbouring weights are never covered.
        let neighbour = kernelCell(s, GridCell(row: 1, col: 2))
        let neighbourBefore = renderFrame(s)
        for c in "23.4567" { s.update(.typeWeightCharacter(c)) }
        let long = renderFrame(s)
        var left = cell.minX
        while long.rgb(left - 1, cell.minY + ring + 1) == p.card.rgb { left -= 1 }
        var right = cell.maxX
        while long.rgb(right, cell.minY + ring + 1) == p.card.rgb { right += 1 }
        XCTAssertLessThanOrEqual(right - left, cell.width + 1, "the field stays the cell")
        assertFramed(long, cell, width: ring, p.box, "ring around the cell")
        var covered = 0
        for y in stride(from: neighbour.minY + ring + 2, to: neighbour.maxY - ring - 2, by: 1) {
            for x in stride(from: neighbour.minX + ring + 2, to: neighbour.maxX - ring - 2, by: 1)
            where long.rgb(x, y) != neighbourBefore.rgb(x, y) { covered += 1 }
        }
        XCTAssertEqual(covered, 0, "the neighbouring weight is drawn as before")
    }

    /// A typed number that does not parse stays on show in the warning colour, marked, with the
    /// ring in the warning colour, until the next key replaces it.
    func testAnInvalidTypedNumberIsShownAsAnError() {
        var s = makeState(filter: "sharpen", position: 40) { $0.update(.selectWeight(row: 1, col: 1)) }
        for c in "1.2.3" { s.update(.typeWeightCharacter(c)) }
        s.update(.commitTypedWeight)
        XCTAssertTrue(s.kernelEditor.typedIsInvalid)
        let cell = kernelCell(s, GridCell(row: 1, col: 1))
        let frame = renderFrame(s)
        let p = Palette.dark
        let ring = FrameRenderer.ringWidth(FrameLayout(state: s), cell: cell.width)
        assertFramed(frame, cell, width: ring, p.warning, "warning ring")
        var warm = 0
        for y in stride(from: cell.minY + ring, to: cell.maxY - ring, by: 1) {
            for x in stride(from: cell.minX + ring, to: cell.maxX - ring, by: 1) where frame.rgb(x, y) == p.warning.rgb {
                warm += 1
            }
        }
        XCTAssertGreaterThan(warm, 4, "the text in the warning colour")
        s.update(.typeWeightCharacter("4"))
        assertFramed(renderFrame(s), cell, width: ring, p.box, "the next digit starts a fresh number")
    }

    /// The grid shows the weights applied: emboss turned 180° under flip puts +2 top-left.
    func testKernelGridShowsAppliedWeights() {
        for flip in [false, true] {
            let s = makeState(filter: "emboss", settings: ConvSettings(flip: flip), position: 40)
            let cell = kernelCell(s, GridCell(row: 0, col: 0))
            let p = Palette.dark
            let want = FrameRenderer.signColor(flip ? 2 : -2, maxAbs: 2, p)
            assertColor(renderFrame(s), cell.minX + 2, cell.minY + 2, want, "top-left weight, flip \(flip)")
        }
    }

    /// The caption under the grids says how the kernel is applied, and is drawn where the layout puts it.
    func testCaption() {
        let plain = makeState(filter: "emboss", position: 40)
        XCTAssertEqual(FrameRenderer.kernelCaptions(plain).first, "cross-correlation (as in deep learning)")
        let flipped = makeState(filter: "emboss", settings: ConvSettings(flip: true), position: 40)
        XCTAssertEqual(FrameRenderer.kernelCaptions(flipped).first, "true convolution: kernel turned 180°")
        for (w, h) in [(1920, 1080), (1280, 800), (800, 600)] {
            let s = makeState(width: w, height: h, position: 40)
            let d = FrameLayout(state: s).detail
            XCTAssertGreaterThanOrEqual(d.caption.height, 12, "\(w)×\(h)")
            XCTAssertEqual(d.caption.minY, d.kernel.maxY, "\(w)×\(h)")
            XCTAssertLessThanOrEqual(d.caption.maxY, d.frame.maxY, "\(w)×\(h)")
        }
        let a = renderFrame(plain), b = renderFrame(flipped)
        let c = FrameLayout(state: plain).detail.caption
        var ink = 0, differ = 0
        for y in stride(from: c.minY, to: c.maxY, by: 1) {
            for x in stride(from: c.minX, to: c.maxX, by: 1) {
                if a.rgb(x, y) != Palette.dark.background.rgb { ink += 1 }
                if a.rgb(x, y) != b.rgb(x, y) { differ += 1 }
            }
        }
        XCTAssertGreaterThan(ink, 50, "the caption is drawn")
        XCTAssertGreaterThan(differ, 50, "and says something else under flip")
    }

    func testStatusLine() {
        var s = makeState(filter: "sharpen", settings: ConvSettings(dilation: 2, flip: true))
        var left = FrameRenderer.statusText(s).left
        XCTAssertTrue(left.contains("sharpen 3×3"), "\(left)")
        XCTAssertTrue(left.contains("dilation 2"), "\(left)")
        XCTAssertTrue(left.contains("flipped"), "\(left)")
        s.update(.selectWeight(row: 1, col: 1))
        s.update(.setWeight(4))
        left = FrameRenderer.statusText(s).left
        XCTAssertTrue(left.contains("custom 3×3: 0,−1,0;−1,4,−1;0,−1,0"), "\(left)")
        XCTAssertFalse(FrameRenderer.statusText(makeState()).left.contains { $0.hasPrefix("dilation") })
    }

    /// A long custom kernel gives up its weights before the settings after it.
    func testLongCustomKernelIsCutFirst() throws {
        let scratch = try ImageSurface(width: 1, height: 1)
        let context = DrawingContext(scratch)
        let canvas = Canvas(cr: context.pointer)
        canvas.font(16)
        let seven = Kernel.custom(size: 7, weights: (0..<49).map { Float($0) / 7 })
        let items = ["custom 7×7: \(seven.text)", "stride 1", "same padding", "dilation 2", "flipped"]
        let text = FrameRenderer.fittedStatus(items, separator: "  ·  ", maxWidth: 700, canvas)
        XCTAssertLessThanOrEqual(canvas.width(text), 700)
        XCTAssertTrue(text.hasPrefix("  ·  custom 7×7: 0,0.14"), text)
        XCTAssertTrue(text.hasSuffix("stride 1  ·  same padding  ·  dilation 2  ·  flipped"), text)
        XCTAssertTrue(text.contains("…"), text)
        // The painting hint goes first.
        let painting = FrameRenderer.fittedStatus(items + ["painting: left button white, right black"], separator: "  ·  ",
                                                  maxWidth: 700, canvas)
        XCTAssertEqual(painting, text)
        let roomy = FrameRenderer.fittedStatus(["sharpen 3×3", "stride 1", "painting: left button white, right black"],
                                               separator: " · ", maxWidth: 2000, canvas)
        XCTAssertEqual(roomy, " · sharpen 3×3 · stride 1 · painting: left button white, right black")
        // With no room for any weights, the kernel is named without them.
        let narrow = FrameRenderer.fittedStatus(items, separator: "  ·  ",
                                                maxWidth: canvas.width("  ·  custom 7×7  ·  stride 1  ·  same padding  ·  dilation 2  ·  flipped") + 1, canvas)
        XCTAssertEqual(narrow, "  ·  custom 7×7  ·  stride 1  ·  same padding  ·  dilation 2  ·  flipped")
    }

    /// Only a custom kernel gives up what follows its colon: network mode's `true: …` keeps its
    /// class, and a tight line is cut at its end instead.
    func testOtherItemsWithAColonAreNotCutLikeAKernel() throws {
        let scratch = try ImageSurface(width: 1, height: 1)
        let context = DrawingContext(scratch)
        let canvas = Canvas(cr: context.pointer)
        canvas.font(16)
        let items = ["true: Ankle boot", "predicted: Coat 39.2 %", "filter 1 of 8", "trained here, 64 images from He-normal, seed 0"]
        let whole = "  ·  " + items.joined(separator: "  ·  ")
        let text = FrameRenderer.fittedStatus(items, separator: "  ·  ", maxWidth: canvas.width(whole) - 40, canvas)
        XCTAssertTrue(text.hasPrefix("  ·  true: Ankle boot  ·  predicted: Coat 39.2 %  ·  filter 1 of 8  ·  trained here"), text)
        XCTAssertTrue(text.hasSuffix("…"), text)
    }
}
