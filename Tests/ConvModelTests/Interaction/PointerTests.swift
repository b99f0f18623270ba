import XCTest
import ConvModel

/// The mouse, through `update(.pointer(_))`: hover inspects, click places, wheel zooms, drag pans.
final class PointerTests: XCTestCase {
    private func state(_ input: String = "face", _ filter: String = "edge_v",
                       settings: ConvSettings = ConvSettings(), playing: Bool = false) throws -> AppState {
        try AppState(image: BuiltinImages.named(input)!, kernel: Kernel.preset(named: filter)!,
                     settings: settings, playing: playing)
    }

    /// The window point at the centre of a cell of a panel, as the renderer draws it.
    private func centre(_ kind: PanelKind, row: Int, col: Int, in s: AppState) -> (x: Double, y: Double) {
        let r = FrameLayout(state: s).mapping(kind, in: s).cellRect(row: row, col: col)
        return (r.midX, r.midY)
    }

    private func move(_ s: inout AppState, to p: (x: Double, y: Double)) {
        s.update(.pointer(.moved(x: p.x, y: p.y)))
    }

    private func click(_ s: inout AppState, at p: (x: Double, y: Double)) {
        s.update(.pointer(.pressed(x: p.x, y: p.y, button: .primary)))
        s.update(.pointer(.released(x: p.x, y: p.y, button: .primary)))
    }

    // MARK: hover

    func testHoverOnAConvCellWhilePausedMovesTheScanThere() throws {
        var s = try state()
        move(&s, to: centre(.conv, row: 3, col: 5, in: s))
        XCTAssertEqual(s.hover, HoverTarget(panel: .conv, row: 3, col: 5))
        XCTAssertEqual(s.scan.row, 3)
        XCTAssertEqual(s.scan.col, 5)
        XCTAssertEqual(s.clock.tween, 0)
    }

    /// Every conv cell, and the last pixel of each corner cell: hit-testing agrees with drawing.
    func testEveryConvCellIsReachable() throws {
        var s = try state("checker")
        for r in 0..<s.scan.rows {
            for c in 0..<s.scan.columns {
                move(&s, to: centre(.conv, row: r, col: c, in: s))
                XCTAssertEqual(s.scan.position, s.scan.index(row: r, col: c), "cell (\(r), \(c))")
            }
        }
    }

    func testHoverOnAPoolCellGoesToTheFirstCellOfItsBlock() throws {
        var s = try state()
        move(&s, to: centre(.pool, row: 4, col: 2, in: s))
        XCTAssertEqual(s.hover, HoverTarget(panel: .pool, row: 4, col: 2))
        XCTAssertEqual(s.scan.row, 8)
        XCTAssertEqual(s.scan.col, 4)
    }

    /// Valid padding, 3×3, stride 1: the window centred on pixel (r, c) starts at (r − 1, c − 1),
    /// clamped to the positions that exist at the border.
    func testHoverOnAnInputPixelCentresTheWindowOnIt() throws {
        var s = try state()
        let cases: [((Int, Int), (Int, Int))] = [((5, 7), (4, 6)), ((0, 0), (0, 0)), ((23, 23), (21, 21)), ((1, 22), (0, 21))]
        for ((r, c), (er, ec)) in cases {
            move(&s, to: centre(.input, row: r, col: c, in: s))
            XCTAssertEqual(s.hover, HoverTarget(panel: .input, row: r, col: c))
            XCTAssertEqual(s.scan.row, er, "pixel (\(r), \(c))")
            XCTAssertEqual(s.scan.col, ec, "pixel (\(r), \(c))")
            let window = s.geometry.windowOrigin(row: s.scan.row, col: s.scan.col)
            XCTAssertTrue((window.row...window.row + 2).contains(r) && (window.col...window.col + 2).contains(c),
                          "the window at \(window) does not cover pixel (\(r), \(c))")
        }
    }

    /// Same padding: output (r, c) is centred on input (r, c).
    func testHoverWithSamePadding() throws {
        var s = try state(settings: ConvSettings(padding: .same))
        move(&s, to: centre(.input, row: 0, col: 23, in: s))
        XCTAssertEqual(s.scan.row, 0)
        XCTAssertEqual(s.scan.col, 23)
        move(&s, to: centre(.input, row: 12, col: 3, in: s))
        XCTAssertEqual(s.scan.row, 12)
        XCTAssertEqual(s.scan.col, 3)
    }

    /// Stride 2: the window is the one whose centre is nearest the pixel, so it covers it; pixel
    /// 23 lies in no window (11 windows cover 0…22) and gets the last one.
    func testHoverWithStride() throws {
        var s = try state(settings: ConvSettings(stride: 2))
        XCTAssertEqual(s.scan.columns, 11)
        for p in 0..<23 {
            move(&s, to: centre(.input, row: p, col: p, in: s))
            let o = s.geometry.windowOrigin(row: s.scan.row, col: s.scan.col)
            XCTAssertTrue(o.row...(o.row + 2) ~= p, "pixel \(p): window from \(o.row)")
            XCTAssertEqual(s.scan.row, s.scan.col)
        }
        move(&s, to: centre(.input, row: 23, col: 0, in: s))
        XCTAssertEqual(s.scan.row, 10)
        XCTAssertEqual(s.scan.col, 0)
    }

    func testHoverWhilePlayingOnlyInspects() throws {
        var s = try state(playing: true)
        s.update(.step(10))
        move(&s, to: centre(.conv, row: 3, col: 5, in: s))
        XCTAssertEqual(s.hover, HoverTarget(panel: .conv, row: 3, col: 5))
        XCTAssertEqual(s.scan.position, 10)
    }

    /// After stepping with the keys, a small move inside the same cell does not snap the scan back.
    func testHoverMovesTheScanOnlyWhenTheCellChanges() throws {
        var s = try state()
        let p = centre(.conv, row: 2, col: 2, in: s)
        move(&s, to: p)
        s.update(.step(3))
        move(&s, to: (p.x + 1, p.y))
        XCTAssertEqual(s.scan.position, s.scan.index(row: 2, col: 5))
    }

    func testOutsideAnyCellThereIsNoHover() throws {
        var s = try state()
        move(&s, to: centre(.conv, row: 1, col: 1, in: s))
        move(&s, to: (2, 2))
        XCTAssertNil(s.hover)
        XCTAssertEqual(s.scan.position, 0, "off the panels the hover preview goes back")
        move(&s, to: centre(.conv, row: 1, col: 1, in: s))
        s.update(.pointer(.left))
        XCTAssertNil(s.hover)
    }

    // MARK: click

    func testClickWhilePlayingPlacesTheKernelAndKeepsPlaying() throws {
        var s = try state(playing: true)
        click(&s, at: centre(.conv, row: 7, col: 9, in: s))
        XCTAssertEqual(s.scan.position, s.scan.index(row: 7, col: 9))
        XCTAssertTrue(s.clock.isPlaying)
        XCTAssertNil(s.drag)
    }

    /// A press and release a pixel or two apart is still a click, not a pan.
    func testATremblingClickIsStillAClick() throws {
        var s = try state(playing: true)
        let p = centre(.pool, row: 3, col: 3, in: s)
        s.update(.pointer(.pressed(x: p.x, y: p.y, button: .primary)))
        s.update(.pointer(.moved(x: p.x + 2, y: p.y + 1)))
        s.update(.pointer(.released(x: p.x + 2, y: p.y + 1, button: .primary)))
        XCTAssertEqual(s.scan.position, s.scan.index(row: 6, col: 6))
        XCTAssertEqual(s.panels[PanelKind.pool.rawValue], PanelView())
    }

    func testOtherButtonsDoNotClick() throws {
        var s = try state(playing: true)
        let p = centre(.conv, row: 7, col: 9, in: s)
        s.update(.pointer(.pressed(x: p.x, y: p.y, button: .secondary)))
        s.update(.pointer(.released(x: p.x, y: p.y, button: .secondary)))
        XCTAssertEqual(s.scan.position, 0)
    }

    // MARK: wheel and drag

    /// The cell under the pointer stays under it while the wheel zooms in and back out.
    func testWheelZoomsAboutThePointer() throws {
        var s = try state(playing: true)
        for (kind, row, col) in [(PanelKind.conv, 4, 15), (.input, 20, 2), (.pool, 9, 9)] {
            let p = centre(kind, row: row, col: col, in: s)
            for steps in [1, 1, 3, -2, 5, -20] {
                s.update(.pointer(.scrolled(x: p.x, y: p.y, steps: steps, coarse: false)))
                XCTAssertEqual(s.hover, HoverTarget(panel: kind, row: row, col: col), "\(kind) after \(steps)")
            }
            XCTAssertEqual(s.panels[kind.rawValue].zoom, 1, accuracy: 1e-9, "zoomed all the way out")
        }
    }

    func testWheelInZoomsOnlyThePanelUnderThePointer() throws {
        var s = try state()
        let p = centre(.conv, row: 0, col: 0, in: s)
        s.update(.pointer(.scrolled(x: p.x, y: p.y, steps: 2)))
        XCTAssertEqual(s.panels[PanelKind.conv.rawValue].zoom, 2, accuracy: 1e-9)
        XCTAssertEqual(s.panels[PanelKind.input.rawValue], PanelView())
        XCTAssertEqual(s.panels[PanelKind.pool.rawValue], PanelView())
        s.update(.pointer(.scrolled(x: 1, y: 1, steps: 2)))
        XCTAssertEqual(s.panels[PanelKind.conv.rawValue].zoom, 2, accuracy: 1e-9, "the wheel outside the panels does nothing")
        s.update(.resetView)
        XCTAssertEqual(s.panels[PanelKind.conv.rawValue], PanelView())
    }

    func testDragPansAndDoesNotClick() throws {
        var s = try state(playing: true)
        let p = centre(.input, row: 12, col: 12, in: s)
        s.update(.pointer(.scrolled(x: p.x, y: p.y, steps: 4)))
        let before = s.panels[PanelKind.input.rawValue]
        s.update(.pointer(.pressed(x: p.x, y: p.y, button: .primary)))
        s.update(.pointer(.moved(x: p.x + 10, y: p.y)))
        XCTAssertEqual(s.drag?.moved, true)
        s.update(.pointer(.moved(x: p.x + 30, y: p.y - 20)))
        s.update(.pointer(.released(x: p.x + 30, y: p.y - 20, button: .primary)))
        let after = s.panels[PanelKind.input.rawValue]
        XCTAssertEqual(after.panX - before.panX, 30, accuracy: 1e-9)
        XCTAssertEqual(after.panY - before.panY, -20, accuracy: 1e-9)
        XCTAssertEqual(s.scan.position, 0, "a drag is not a click")
        XCTAssertNil(s.drag)
        // The cell that was under the press point is now under the release point.
        XCTAssertEqual(s.hover, HoverTarget(panel: .input, row: 12, col: 12))
    }

    /// A drag goes on when the pointer leaves the window (the press grabs it).
    func testDragSurvivesLeavingTheWindow() throws {
        var s = try state()
        let p = centre(.conv, row: 5, col: 5, in: s)
        s.update(.pointer(.pressed(x: p.x, y: p.y, button: .primary)))
        s.update(.pointer(.left))
        XCTAssertNotNil(s.drag)
    }

    func testPressOutsideThePanelsStartsNothing() throws {
        var s = try state()
        s.update(.pointer(.pressed(x: 1, y: 1, button: .primary)))
        XCTAssertNil(s.drag)
    }

    /// The pointer never produces an effect for the shell.
    func testPointerHasNoEffects() throws {
        var s = try state()
        let p = centre(.conv, row: 1, col: 1, in: s)
        for e: PointerEvent in [.moved(x: p.x, y: p.y), .pressed(x: p.x, y: p.y, button: .primary),
                                .released(x: p.x, y: p.y, button: .primary), .scrolled(x: p.x, y: p.y, steps: 1), .left] {
            XCTAssertEqual(s.update(.pointer(e)), [])
        }
    }

    // MARK: the kernel grid

    private func weightCentre(row: Int, col: Int, in s: AppState) -> (x: Double, y: Double) {
        let r = KernelGrid(in: FrameLayout(state: s).detail.kernel, size: s.kernel.size).rect(of: GridCell(row: row, col: col))
        return (r.midX, r.midY)
    }

    func testClickOnAWeightSelectsIt() throws {
        var s = try state(playing: true)
        click(&s, at: weightCentre(row: 2, col: 0, in: s))
        XCTAssertEqual(s.kernelEditor.selected, GridCell(row: 2, col: 0))
        XCTAssertEqual(s.scan.position, 0, "a click on the kernel does not move the scan")
        XCTAssertNil(s.drag)
    }

    /// The wheel over a weight changes that weight by 0.1 a step; the maps follow.
    func testWheelOnAWeightNudgesIt() throws {
        var s = try state()
        let before = s.kernel[1, 1]
        let p = weightCentre(row: 1, col: 1, in: s)
        s.update(.pointer(.scrolled(x: p.x, y: p.y, steps: 3)))
        XCTAssertEqual(s.kernelEditor.selected, GridCell(row: 1, col: 1))
        XCTAssertEqual(s.kernel[1, 1], before + 0.3, accuracy: 1e-5)
        XCTAssertEqual(s.maps, FeatureMaps(input: s.image.grid, kernel: s.kernel, settings: s.settings))
        XCTAssertEqual(s.panels, Array(repeating: PanelView(), count: 3), "no panel zoomed")
    }

    /// Shift + wheel over a weight changes it by 1.0 a step.
    func testShiftWheelOnAWeightNudgesByOne() throws {
        var s = try state()
        let before = s.kernel[0, 2]
        let p = weightCentre(row: 0, col: 2, in: s)
        s.update(.pointer(.scrolled(x: p.x, y: p.y, steps: -2, coarse: true)))
        XCTAssertEqual(s.kernel[0, 2], before - 2, accuracy: 1e-5)
        s.update(.pointer(.scrolled(x: p.x, y: p.y, steps: 1, coarse: false)))
        XCTAssertEqual(s.kernel[0, 2], before - 1.9, accuracy: 1e-5)
    }

    /// Shift + wheel over a panel zooms as the plain wheel does.
    func testShiftWheelOnAPanelZooms() throws {
        var s = try state()
        let p = centre(.conv, row: 2, col: 2, in: s)
        s.update(.pointer(.scrolled(x: p.x, y: p.y, steps: 2, coarse: true)))
        XCTAssertEqual(s.panels[PanelKind.conv.rawValue].zoom, 2, accuracy: 1e-9)
    }

    /// `s` saves a PNG of the window, but in paint mode the painted input (as PGM).
    func testSaveInPaintModeSavesThePainting() throws {
        var s = try state()
        XCTAssertEqual(s.update(.saveScreenshot), [.saveScreenshot])
        s.update(.togglePaintMode)
        XCTAssertEqual(s.update(.saveScreenshot), [.savePaintedInput])
    }

    // MARK: painting

    func testPaintModeLeftPaintsWhiteRightPaintsBlack() throws {
        var s = try state()
        s.update(.togglePaintMode)
        let a = centre(.input, row: 1, col: 1, in: s), b = centre(.input, row: 1, col: 6, in: s)
        s.update(.pointer(.pressed(x: a.x, y: a.y, button: .primary)))
        s.update(.pointer(.moved(x: b.x, y: b.y)))
        s.update(.pointer(.released(x: b.x, y: b.y, button: .primary)))
        for c in 1...6 { XCTAssertEqual(s.image.grid[1, c], 1, "column \(c) of the stroke") }
        XCTAssertEqual(s.maps, FeatureMaps(input: s.image.grid, kernel: s.kernel, settings: s.settings))
        XCTAssertNil(s.drag)
        XCTAssertEqual(s.panels[PanelKind.input.rawValue], PanelView(), "painting does not pan")

        let eye = centre(.input, row: 7, col: 7, in: s)
        XCTAssertEqual(s.image.grid[7, 7], 1)
        s.update(.pointer(.pressed(x: eye.x, y: eye.y, button: .secondary)))
        s.update(.pointer(.released(x: eye.x, y: eye.y, button: .secondary)))
        XCTAssertEqual(s.image.grid[7, 7], 0)
    }

    func testWithoutPaintModeADragDoesNotPaint() throws {
        var s = try state()
        let before = s.image
        let a = centre(.input, row: 1, col: 1, in: s), b = centre(.input, row: 1, col: 6, in: s)
        s.update(.pointer(.pressed(x: a.x, y: a.y, button: .primary)))
        s.update(.pointer(.moved(x: b.x, y: b.y)))
        s.update(.pointer(.released(x: b.x, y: b.y, button: .primary)))
        XCTAssertEqual(s.image, before)
    }

    // MARK: adopting maps computed elsewhere

    func testAdoptingARebuildKeepsTheLiveParts() throws {
        var live = try state(playing: true)
        var rebuilt = live
        rebuilt.update(.nextFilter)
        live.update(.step(30))
        live.update(.toggleGrid)
        let adopted = live.adopting(rebuilt)
        XCTAssertEqual(adopted.kernel, rebuilt.kernel)
        XCTAssertEqual(adopted.maps, rebuilt.maps)
        XCTAssertEqual(adopted.scan.position, 30)
        XCTAssertEqual(adopted.view, live.view)
        var direct = live
        direct.update(.nextFilter)
        XCTAssertEqual(adopted, direct, "same as applying the action to the live state")
    }

    func testOnlyRebuildingActionsAreRebuilds() {
        XCTAssertTrue(AppState.rebuildsMaps(.nextFilter))
        XCTAssertTrue(AppState.rebuildsMaps(.selectPreset(2)))
        XCTAssertTrue(AppState.rebuildsMaps(.paintStroke(fromRow: 0, fromCol: 0, toRow: 1, toCol: 1, value: 1)))
        XCTAssertTrue(AppState.rebuildsMaps(.nudgeWeight(steps: 1, coarse: false)))
        XCTAssertFalse(AppState.rebuildsMaps(.tick(seconds: 0.1)))
        XCTAssertFalse(AppState.rebuildsMaps(.toggleRelu))
    }
}
