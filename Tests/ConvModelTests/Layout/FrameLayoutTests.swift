import XCTest
@testable import ConvModel

/// The frame layout, the cell ↔ pixel mapping of each panel, zooming and hit-testing: all pure,
/// so they are checked here without drawing anything.
final class FrameLayoutTests: XCTestCase {
    static let sizes = [(640, 400), (800, 600), (1280, 800), (1366, 768), (1920, 1080), (2560, 1440),
                        (3840, 2160), (7680, 4320), (1080, 1920), (3000, 800)]

    private func state(_ input: String = "face", _ filter: String = "edge_v", settings: ConvSettings = ConvSettings(),
                       width: Int = 1920, height: Int = 1080) -> AppState {
        try! AppState(image: BuiltinImages.named(input)!, kernel: Kernel.preset(named: filter)!, settings: settings,
                      windowWidth: width, windowHeight: height)
    }

    // MARK: the frame

    /// Every band lies inside the window, in order from top to bottom, on whole pixels.
    func testBandsStackInsideTheWindow() {
        for (w, h) in Self.sizes {
            for scale in [1.0, 1.5, 2.0] where Double(w) / scale >= 640 && Double(h) / scale >= 400 {
                let l = FrameLayout(width: w, height: h, scale: scale)
                let name = "\(w)×\(h) at \(scale)"
                for r in [l.status, l.panelBand, l.timeline, l.detail.frame, l.strip.frame] + l.panels.map(\.frame) {
                    XCTAssertTrue(l.bounds.contains(r), "\(r) outside \(name)")
                    XCTAssertFalse(r.isEmpty, "empty band at \(name)")
                    for v in [r.x, r.y, r.width, r.height] { XCTAssertEqual(v, v.rounded(), "fractional edge at \(name)") }
                }
                XCTAssertLessThanOrEqual(l.status.maxY, l.panelBand.minY, name)
                XCTAssertLessThanOrEqual(l.panelBand.maxY, l.timeline.minY, name)
                XCTAssertLessThanOrEqual(l.timeline.maxY, l.detail.frame.minY, name)
                XCTAssertLessThanOrEqual(l.detail.frame.maxY, l.strip.frame.minY, name)
            }
        }
    }

    /// Three panels, input then conv then pool, left to right, equally wide and not overlapping,
    /// each a title band over an image area.
    func testThreePanelsLeftToRight() {
        for (w, h) in Self.sizes {
            let l = FrameLayout(width: w, height: h, scale: 1)
            XCTAssertEqual(l.panels.map(\.kind), [.input, .conv, .pool])
            for (a, b) in zip(l.panels, l.panels.dropFirst()) {
                XCTAssertLessThan(a.frame.maxX, b.frame.minX, "\(w)×\(h)")
                XCTAssertEqual(a.frame.width, b.frame.width, "\(w)×\(h)")
            }
            for p in l.panels {
                XCTAssertEqual(p.title.maxY, p.image.minY)
                XCTAssertEqual(p.title.minY, p.frame.minY)
                XCTAssertEqual(p.image.maxY, p.frame.maxY)
                // Panels take the room: as tall as they are wide, or a good share of the height.
                XCTAssertGreaterThanOrEqual(p.image.height, min(Double(h) * 0.3, p.image.width), "\(w)×\(h)")
            }
        }
    }

    /// Text is never below 12 px at scale 1, and grows with the scale — the scale in effect, which
    /// a frame too small for the scale asked reduces (never below 1) so that everything fits.
    func testTextSizes() {
        for (w, h) in Self.sizes + [(64, 48), (1, 1)] {
            for scale in [1.0, 2.0, 3.0] {
                let layout = FrameLayout(width: w, height: h, scale: scale)
                let room = min(Double(w) / Double(FrameLayout.minimumWidth), Double(h) / Double(FrameLayout.minimumHeight))
                XCTAssertEqual(layout.scale, min(scale, max(1, room)), accuracy: 1e-9, "\(w)×\(h) at \(scale)")
                let f = layout.fonts
                for size in [f.status, f.title, f.body, f.small] {
                    XCTAssertGreaterThanOrEqual(size, 12 * layout.scale - 1e-9, "\(w)×\(h) at \(scale)")
                }
            }
        }
        XCTAssertEqual(FrameLayout(width: 1280, height: 800, scale: 3).scale, 2.5, "scale 3 in a 1280×800 window")
        XCTAssertEqual(FrameLayout(width: 1920, height: 1080, scale: 2).scale, 2, "room enough: the scale asked")
    }

    /// Beyond the reference size the design grows in proportion: a 4K frame is the 1080p frame, doubled.
    func testLargerWindowsScaleInProportion() {
        let a = FrameLayout(width: 1920, height: 1080), b = FrameLayout(width: 3840, height: 2160)
        XCTAssertEqual(b.unit, 2 * a.unit, accuracy: 1e-9)
        XCTAssertEqual(b.fonts.body, 2 * a.fonts.body, accuracy: 1e-9)
        for (pa, pb) in zip(a.panels, b.panels) {
            // Equal up to the rounding of each band to whole pixels.
            XCTAssertEqual(pb.image.width, 2 * pa.image.width, accuracy: 8)
            XCTAssertEqual(pb.image.height, 2 * pa.image.height, accuracy: 8)
        }
        XCTAssertEqual(FrameLayout(width: 2560, height: 1600, scale: 2).unit, 2, "2× scale at the reference size")
    }

    func testTinyAndDegenerateWindowsDoNotTrap() {
        for (w, h) in [(0, 0), (1, 1), (64, 48), (10, 4000), (4000, 10)] {
            for scale in [1.0, 0.25, 8, .nan, -1, .infinity] {
                let l = FrameLayout(width: w, height: h, scale: scale)
                XCTAssertEqual(l.panels.count, 3)
                XCTAssertTrue(l.unit.isFinite && l.unit > 0)
                for p in l.panels { XCTAssertGreaterThanOrEqual(p.image.width, 0) }
            }
        }
    }

    func testDetailGridsSitUnderTheInputPanel() {
        for (w, h) in Self.sizes {
            let l = FrameLayout(width: w, height: h)
            let d = l.detail, input = l.panel(.input).frame
            for r in [d.kernel, d.patch, d.products] {
                XCTAssertEqual(r.width, r.height, "grids are square")
                XCTAssertGreaterThanOrEqual(r.minX, input.minX)
                XCTAssertLessThanOrEqual(r.maxX, input.maxX + 1e-9)
                XCTAssertTrue(d.frame.contains(r), "\(w)×\(h)")
            }
            XCTAssertLessThanOrEqual(d.kernel.maxX, d.patch.minX)
            XCTAssertLessThanOrEqual(d.patch.maxX, d.products.minX)
            XCTAssertEqual(d.sum.minX, l.panel(.conv).frame.minX)
            XCTAssertEqual(d.legend.minX, l.panel(.pool).frame.minX)
        }
    }

    func testStripBoxes() {
        let s = FrameLayout(width: 1920, height: 1080).strip
        XCTAssertEqual(s.boxes.count, ArchitectureStrip.stageCount)
        for (a, b) in zip(s.boxes, s.boxes.dropFirst()) { XCTAssertLessThan(a.maxX, b.minX) }
        XCTAssertEqual(s.boxes.first!.minX, s.frame.minX)
        XCTAssertEqual(s.boxes.last!.maxX, s.frame.maxX, accuracy: 1)

        // Boxes that ask for more than an equal share get it; the others share the rest equally.
        var mins = [Double](repeating: 40, count: 10)
        mins[8] = 400
        let b = s.boxes(minimumWidths: mins)
        XCTAssertEqual(b[8].width, 400, accuracy: 1)
        XCTAssertEqual(b[0].width, b[1].width, accuracy: 1)
        XCTAssertEqual(b.last!.maxX, s.frame.maxX, accuracy: 1)
        // When even the minimums do not fit, all shrink alike and still stay inside.
        let squeezed = s.boxes(minimumWidths: [Double](repeating: 1000, count: 10))
        XCTAssertLessThanOrEqual(squeezed.last!.maxX, s.frame.maxX + 1)
        XCTAssertEqual(squeezed[0].width, squeezed[5].width, accuracy: 1)
    }

    // MARK: cells ↔ pixels

    /// Zoom 1 fits the grid (and its padding margin) in the area, centred across and at the top of
    /// the area (so the panels' pictures line up); cells are square.
    func testFitAndCentre() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<300 {
            let area = Rect(x: Double(rng.int(0...300)), y: Double(rng.int(0...300)),
                            width: Double(rng.int(20...900)), height: Double(rng.int(20...900)))
            let cols = rng.int(1...64), rows = rng.int(1...64), margin = rng.int(0...3)
            let m = PanelMapping(area: area, columns: cols, rows: rows, margin: margin)
            let padded = m.blockRect(row: -margin, col: -margin, rowCount: rows + 2 * margin, colCount: cols + 2 * margin)
            XCTAssertTrue(area.insetBy(dx: -1, dy: -1).contains(padded), "\(padded) in \(area)")
            XCTAssertEqual(m.gridRect.midX, area.midX, accuracy: 1)
            XCTAssertEqual(padded.minY, area.minY, accuracy: 1, "the picture starts at the top of its area")
            let fillsWidth = Double(cols + 2 * margin) * (m.cellSize + 1) > area.width
            let fillsHeight = Double(rows + 2 * margin) * (m.cellSize + 1) > area.height
            XCTAssertTrue(fillsWidth || fillsHeight, "the fit is as large as it can be")
        }
    }

    /// Cells tile the grid: each begins where its neighbour ends, and every pixel of a cell's
    /// rectangle maps back to that cell.
    func testCellRectsAndHitTestingAgree() {
        var rng = SplitMix64(seed: 11)
        for _ in 0..<120 {
            let area = Rect(x: 17, y: 33, width: Double(rng.int(50...700)), height: Double(rng.int(50...700)))
            let cols = rng.int(1...40), rows = rng.int(1...40)
            let view = PanelView(zoom: rng.int(0...1) == 0 ? 1 : Double(rng.float(1, 6)),
                                 panX: Double(rng.float(-200, 200)), panY: Double(rng.float(-200, 200)))
            let m = PanelMapping(area: area, columns: cols, rows: rows, view: view)
            for r in m.visibleRows {
                for c in m.visibleColumns {
                    let rect = m.cellRect(row: r, col: c)
                    XCTAssertEqual(rect.maxX, m.cellRect(row: r, col: c + 1).minX)
                    XCTAssertEqual(rect.maxY, m.cellRect(row: r + 1, col: c).minY)
                    XCTAssertLessThanOrEqual(abs(rect.width - rect.height), 1, "square cells")
                    for (px, py) in [(rect.minX, rect.minY), (rect.maxX - 1, rect.maxY - 1), (rect.midX.rounded(.down), rect.midY.rounded(.down))]
                        where rect.width >= 1 && rect.height >= 1 && area.contains(x: px + 0.5, y: py + 0.5) {
                        let hit = m.cell(atX: px + 0.5, y: py + 0.5)
                        XCTAssertEqual(hit?.row, r, "pixel (\(px), \(py)) of cell (\(r), \(c))")
                        XCTAssertEqual(hit?.col, c, "pixel (\(px), \(py)) of cell (\(r), \(c))")
                    }
                }
            }
        }
    }

    func testNoCellOutsideTheAreaOrTheGrid() {
        let area = Rect(x: 100, y: 100, width: 400, height: 200)
        let m = PanelMapping(area: area, columns: 10, rows: 10)
        XCTAssertNil(m.cell(atX: 99.5, y: 150), "left of the area")
        XCTAssertNil(m.cell(atX: 150, y: 150), "in the area but left of the centred grid")
        XCTAssertNotNil(m.cell(atX: 300, y: 200))
        XCTAssertNil(m.cell(atX: .nan, y: 200))
        XCTAssertNil(m.cell(atX: .infinity, y: 200))
        XCTAssertEqual(m.cell(atX: m.gridRect.minX + 0.5, y: m.gridRect.minY + 0.5)?.row, 0)
        XCTAssertEqual(m.cell(atX: m.gridRect.maxX - 0.5, y: m.gridRect.maxY - 0.5)?.col, 9)
        XCTAssertNil(PanelMapping(area: .zero, columns: 5, rows: 5).cell(atX: 0, y: 0))
        XCTAssertNil(PanelMapping(area: area, columns: 0, rows: 0).cell(atX: 300, y: 200))
    }

    func testVisibleCellsAreTheOnesInTheArea() {
        let area = Rect(x: 0, y: 0, width: 300, height: 300)
        let m = PanelMapping(area: area, columns: 30, rows: 30, view: PanelView(zoom: 4, panX: 100, panY: -50))
        XCTAssertLessThan(m.visibleColumns.count, 30)
        for c in 0..<30 {
            let r = m.cellRect(row: 0, col: c)
            XCTAssertEqual(m.visibleColumns.contains(c), r.maxX > area.minX && r.minX < area.maxX, "column \(c)")
        }
        XCTAssertEqual(PanelMapping(area: area, columns: 30, rows: 30).visibleRows, 0..<30)
    }

    // MARK: zoom and pan

    /// Zooming about a point keeps the same grid point under it, so the cell under the pointer
    /// stays under the pointer.
    func testZoomKeepsTheCellUnderThePointer() {
        var rng = SplitMix64(seed: 23)
        let area = Rect(x: 40, y: 60, width: 600, height: 500)
        for _ in 0..<300 {
            let cols = rng.int(4...64), rows = rng.int(4...64)
            var view = PanelView()
            for _ in 0..<4 {
                let m = PanelMapping(area: area, columns: cols, rows: rows, view: view)
                let grid = m.gridRect.intersection(area)
                guard !grid.isEmpty else { break }
                let x = grid.minX + Double(rng.float(0.1, 0.9)) * grid.width
                let y = grid.minY + Double(rng.float(0.1, 0.9)) * grid.height
                let before = m.cell(atX: x, y: y)
                view = view.zoomed(by: Double(rng.float(1.05, 3)), aboutX: x, y: y, in: m)
                let after = PanelMapping(area: area, columns: cols, rows: rows, view: view)
                // The same grid point, up to the half pixel each origin is rounded by.
                let u0 = (x - m.originX) / m.cellSize, u1 = (x - after.originX) / after.cellSize
                XCTAssertEqual(u0, u1, accuracy: 0.5 / m.cellSize + 0.5 / after.cellSize + 1e-6)
                if let before, abs(u0 - u0.rounded()) * m.cellSize > 1.5, abs((y - m.originY) / m.cellSize
                    - ((y - m.originY) / m.cellSize).rounded()) * m.cellSize > 1.5 {
                    let hit = after.cell(atX: x, y: y)
                    XCTAssertEqual(hit?.row, before.row)
                    XCTAssertEqual(hit?.col, before.col)
                }
            }
        }
    }

    func testZoomLimitsAndReset() {
        let area = Rect(x: 0, y: 0, width: 400, height: 400)
        let m = PanelMapping(area: area, columns: 20, rows: 20)
        let deep = PanelView().zoomed(to: 1000, aboutX: 10, y: 10, in: m)
        XCTAssertEqual(deep.zoom, PanelView.maxZoom)
        let deepMapping = PanelMapping(area: area, columns: 20, rows: 20, view: deep)
        let back = deep.zoomed(to: 0.01, aboutX: 300, y: 300, in: deepMapping)
        XCTAssertEqual(back, PanelView(), "zoomed all the way out it is fitted and centred again")
        XCTAssertEqual(PanelMapping(area: area, columns: 20, rows: 20, view: PanelView(zoom: .nan)).view.zoom, 1)
    }

    func testPanIsClampedAndOnlyWhenZoomed() {
        let area = Rect(x: 0, y: 0, width: 400, height: 400)
        let m = PanelMapping(area: area, columns: 20, rows: 20)
        XCTAssertEqual(PanelView().panned(dx: 50, dy: 50, in: m), PanelView(), "at zoom 1 the grid stays centred")
        let zoomed = PanelMapping(area: area, columns: 20, rows: 20, view: PanelView(zoom: 4))
        let moved = zoomed.view.panned(dx: 30, dy: -20, in: zoomed)
        XCTAssertEqual(moved.panX, 30)
        XCTAssertEqual(moved.panY, -20)
        let far = zoomed.view.panned(dx: 1e9, dy: -1e9, in: zoomed)
        let limited = PanelMapping(area: area, columns: 20, rows: 20, view: far)
        XCTAssertTrue(limited.gridRect.contains(Rect(x: area.midX - 1, y: area.midY - 1, width: 1, height: 1))
                      || limited.gridRect.minX <= area.midX, "the grid still covers the middle of the area")
    }

    // MARK: hit-testing the frame

    func testHitTestFindsEachPanelsCells() {
        for settings in [ConvSettings(), ConvSettings(stride: 2), ConvSettings(padding: .same)] {
            let s = state(settings: settings)
            let layout = FrameLayout(state: s)
            for kind in PanelKind.allCases {
                let m = layout.mapping(kind, in: s)
                for (r, c) in [(0, 0), (m.rows - 1, m.columns - 1), (m.rows / 2, m.columns / 3)] {
                    let rect = m.cellRect(row: r, col: c)
                    let hit = layout.hitTest(x: rect.midX, y: rect.midY, in: s)
                    XCTAssertEqual(hit?.panel, kind)
                    XCTAssertEqual(hit?.row, r)
                    XCTAssertEqual(hit?.col, c)
                }
            }
            let title = layout.panel(.conv).title
            XCTAssertNil(layout.hitTest(x: title.midX, y: title.midY, in: s), "titles are not cells")
            XCTAssertNil(layout.hitTest(x: layout.status.midX, y: layout.status.midY, in: s))
            let gap = (layout.panel(.input).frame.maxX + layout.panel(.conv).frame.minX) / 2
            XCTAssertNil(layout.hitTest(x: gap, y: layout.panel(.input).image.midY, in: s))
        }
    }

    /// With `same` padding the input panel leaves room for the padding, which is not a cell.
    func testPaddingAroundTheInputIsNotACell() {
        let s = state(settings: ConvSettings(padding: .same))
        let layout = FrameLayout(state: s)
        let m = layout.mapping(.input, in: s)
        XCTAssertEqual(m.margin, 1)
        let pad = m.cellRect(row: -1, col: -1)
        XCTAssertTrue(layout.panel(.input).image.contains(x: pad.midX, y: pad.midY))
        XCTAssertNil(layout.hitTest(x: pad.midX, y: pad.midY, in: s))
        XCTAssertEqual(m.unclampedCell(atX: pad.midX, y: pad.midY)?.row, -1)
    }

    func testPanelMappingSizesFollowTheGeometry() {
        let s = state(settings: ConvSettings(stride: 2))
        let layout = FrameLayout(state: s)
        XCTAssertEqual(layout.mapping(.input, in: s).columns, 24)
        XCTAssertEqual(layout.mapping(.conv, in: s).columns, 11)
        XCTAssertEqual(layout.mapping(.pool, in: s).columns, 5)
        XCTAssertEqual(layout.panel(atX: layout.panel(.pool).image.midX, y: layout.panel(.pool).image.midY), .pool)
    }
}

// MARK: the tour's caption band

extension FrameLayoutTests {
    static let longCaption = Caption(
        title: "Move the input, the map moves too",
        text: "Halfway through, the letter moves two cells down and four to the right. Its map moves by exactly "
            + "as much and keeps its shape, because the same weights are used at every position.")

    /// The band lies between the status line and the panels, inside the window, on whole pixels,
    /// as wide as the status line, and overlaps nothing else; its title and text lie inside it.
    func testCaptionBandHasItsOwnRoom() {
        for (w, h) in Self.sizes {
            for scale in [1.0, 1.5, 2.0] where Double(w) / scale >= 640 && Double(h) / scale >= 400 {
                let l = FrameLayout(width: w, height: h, scale: scale, caption: Self.longCaption)
                let name = "\(w)×\(h) at \(scale)"
                guard let c = l.caption else { return XCTFail("no band at \(name)") }
                XCTAssertTrue(l.bounds.contains(c.frame), name)
                for v in [c.frame.x, c.frame.y, c.frame.width, c.frame.height] { XCTAssertEqual(v, v.rounded(), name) }
                XCTAssertEqual(c.frame.minX, l.status.minX, name)
                XCTAssertEqual(c.frame.width, l.status.width, name)
                XCTAssertLessThanOrEqual(l.status.maxY, c.frame.minY, name)
                XCTAssertLessThanOrEqual(c.frame.maxY, l.panelBand.minY, name)
                for r in [l.status, l.panelBand, l.timeline, l.detail.frame, l.strip.frame] + l.panels.map(\.frame) {
                    XCTAssertTrue(c.frame.intersection(r).isEmpty, "band over \(r) at \(name)")
                }
                XCTAssertTrue(c.frame.contains(c.title) && c.frame.contains(c.text), name)
                XCTAssertLessThanOrEqual(c.title.maxY, c.text.minY, name)
                XCTAssertGreaterThanOrEqual(c.lines, 1, name)
                XCTAssertGreaterThanOrEqual(c.text.height + 1e-9, Double(c.lines) * c.lineHeight, name)
                XCTAssertGreaterThanOrEqual(c.textSize, 12 * scale - 1e-9, name)
                XCTAssertGreaterThanOrEqual(c.titleSize, c.textSize, name)
                XCTAssertLessThanOrEqual(l.detail.frame.maxY, l.strip.frame.minY, name)
                XCTAssertTrue(l.bounds.contains(l.strip.frame), name)
            }
        }
    }

    /// Readable in a 1080p video: a title of 20 px or more, text of 15 px or more.
    func testCaptionTextSizeAt1080p() {
        let c = FrameLayout(width: 1920, height: 1080, caption: Self.longCaption).caption!
        XCTAssertGreaterThanOrEqual(c.titleSize, 20)
        XCTAssertGreaterThanOrEqual(c.textSize, 15)
    }

    /// The panels give the band its room: shorter, as wide and where they were across; the bands
    /// under them keep their sizes.
    func testPanelsShrinkForTheCaption() {
        for (w, h) in Self.sizes {
            let plain = FrameLayout(width: w, height: h), with = FrameLayout(width: w, height: h, caption: Self.longCaption)
            let name = "\(w)×\(h)"
            for (a, b) in zip(plain.panels, with.panels) {
                XCTAssertEqual(a.image.minX, b.image.minX, name)
                XCTAssertEqual(a.image.width, b.image.width, name)
                XCTAssertLessThanOrEqual(b.image.height, a.image.height, name)
                XCTAssertEqual(b.title.height, a.title.height, name)
            }
            XCTAssertEqual(with.status, plain.status, name)
            XCTAssertEqual(with.strip.frame.height, plain.strip.frame.height, name)
            XCTAssertEqual(with.timeline.height, plain.timeline.height, name)
            XCTAssertGreaterThan(with.panels[0].image.height, 0, name)
        }
        // In a landscape window the panels pay for all of the band; the bands below stay put.
        let plain = FrameLayout(width: 1920, height: 1080), with = FrameLayout(width: 1920, height: 1080, caption: Self.longCaption)
        let band = with.caption!.frame.height + with.gap
        XCTAssertEqual(with.panels[1].image.height, plain.panels[1].image.height - band)
        XCTAssertEqual(with.detail, plain.detail)
        XCTAssertEqual(with.strip, plain.strip)
        XCTAssertEqual(with.timeline, plain.timeline)
    }

    /// Without a caption the layout is the one it always was, whatever room is asked for.
    func testNoCaptionIsTheLayoutAsBefore() {
        for (w, h) in Self.sizes {
            let plain = FrameLayout(width: w, height: h)
            XCTAssertNil(plain.caption)
            XCTAssertEqual(FrameLayout(width: w, height: h, caption: nil, captionRoom: [Self.longCaption]), plain)
            XCTAssertEqual(FrameLayout(state: state(width: w, height: h)), plain)
        }
        // The numbers the layout had before the band existed.
        let l = FrameLayout(width: 1920, height: 1080)
        XCTAssertEqual(l.panels[1].image, Rect(x: 654, y: 128, width: 612, height: 592))
        XCTAssertEqual(l.timeline.minY, 734)
        // The band goes with the caption, and the layout is the plain one again.
        var s = state()
        s.update(.setCaption(Self.longCaption))
        XCTAssertNotNil(FrameLayout(state: s).caption)
        s.update(.setCaption(nil))
        XCTAssertEqual(FrameLayout(state: s), l)
    }

    /// Hit-testing works on the same layout as the drawing: the band is not a cell, and the cells
    /// are found in the panels where they are with the band.
    func testHitTestingKnowsTheBand() {
        var s = state()
        s.update(.setCaption(Self.longCaption))
        let layout = FrameLayout(state: s)
        XCTAssertEqual(FrameLayout(state: s, width: s.windowWidth, height: s.windowHeight), layout)
        let c = layout.caption!.frame
        XCTAssertNil(layout.hitTest(x: c.midX, y: c.midY, in: s))
        XCTAssertNil(layout.panel(atX: c.midX, y: c.midY))
        let conv = layout.mapping(.conv, in: s)
        let cell = conv.cellRect(row: 0, col: 0)
        XCTAssertGreaterThan(cell.minY, c.maxY)
        let hit = layout.hitTest(x: cell.midX, y: cell.midY, in: s)
        XCTAssertEqual(hit?.panel, .conv)
        XCTAssertEqual(hit?.row, 0)
        XCTAssertEqual(hit?.col, 0)
    }

    /// While a tour runs the band is sized for its longest caption: the panels keep their size
    /// from scene to scene, and get it all back when the tour ends.
    func testTourBandKeepsItsHeight() {
        for (w, h) in [(1920, 1080), (1280, 800), (640, 400)] {
            var s = state(width: w, height: h)
            s.update(.startTour(.builtin, loop: false))
            var heights = Set<Double>()
            for scene in Tour.builtin.scenes {
                s.update(.setCaption(scene.caption))
                heights.insert(FrameLayout(state: s).caption!.frame.height)
            }
            XCTAssertEqual(heights.count, 1, "\(w)×\(h): \(heights)")
            s.update(.stopTour)
            XCTAssertEqual(FrameLayout(state: s), FrameLayout(width: w, height: h))
        }
    }

    /// The band never takes more than its share from the panels, even in the smallest window.
    func testSmallWindowsKeepSomePanel() {
        for (w, h) in [(640, 400), (800, 600), (3000, 800)] {
            let plain = FrameLayout(width: w, height: h), with = FrameLayout(width: w, height: h, caption: Self.longCaption)
            XCTAssertGreaterThanOrEqual(with.panels[0].image.height, plain.panels[0].image.height * 0.35, "\(w)×\(h)")
        }
    }

    /// The estimate breaks lines at spaces like the renderer: more text or less width, more lines.
    func testEstimatedLines() {
        XCTAssertEqual(CaptionLayout.estimatedLines("", width: 100, size: 15), 1)
        XCTAssertEqual(CaptionLayout.estimatedLines("short", width: 500, size: 15), 1)
        XCTAssertEqual(CaptionLayout.estimatedLines("one\ntwo", width: 500, size: 15), 2)
        XCTAssertEqual(CaptionLayout.estimatedLines("unbreakablewordlongerthanthewidth", width: 20, size: 15), 1)
        let text = Self.longCaption.text
        XCTAssertEqual(CaptionLayout.estimatedLines(text, width: 100_000, size: 15), 1)
        var last = 1
        for width in stride(from: 2000.0, through: 200, by: -100) {
            let n = CaptionLayout.estimatedLines(text, width: width, size: 15)
            XCTAssertGreaterThanOrEqual(n, last)
            last = n
        }
        XCTAssertGreaterThan(last, 5)
    }
}
