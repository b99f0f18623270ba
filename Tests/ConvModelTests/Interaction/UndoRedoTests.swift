import XCTest
@testable import ConvModel

/// Undo and redo through `update`: strokes, clear, kernel edits, kernel sizes, moves of the input.
final class UndoRedoTests: XCTestCase {
    private func state(_ input: String = "face", _ filter: String = "edge_v") throws -> AppState {
        try AppState(image: BuiltinImages.named(input)!, kernel: Kernel.preset(named: filter)!, playing: false)
    }

    private func point(_ kind: PanelKind, row: Int, col: Int, in s: AppState) -> (x: Double, y: Double) {
        let r = FrameLayout(state: s).mapping(kind, in: s).cellRect(row: row, col: col)
        return (r.midX, r.midY)
    }

    /// A stroke with the mouse: press on one input pixel, drag through others, release.
    private func stroke(_ s: inout AppState, _ cells: [(Int, Int)]) {
        let first = point(.input, row: cells[0].0, col: cells[0].1, in: s)
        s.update(.pointer(.pressed(x: first.x, y: first.y, button: .primary)))
        var last = first
        for c in cells.dropFirst() {
            last = point(.input, row: c.0, col: c.1, in: s)
            s.update(.pointer(.moved(x: last.x, y: last.y)))
        }
        s.update(.pointer(.released(x: last.x, y: last.y, button: .primary)))
    }

    func testAWholeStrokeIsOneStep() throws {
        var s = try state()
        let original = s.image
        s.update(.togglePaintMode)
        stroke(&s, [(1, 1), (1, 5), (4, 5), (8, 9)])
        let painted = s.image
        XCTAssertEqual(painted.grid[1, 3], 1, "the drag painted along its path")
        XCTAssertEqual(painted.grid[8, 9], 1)
        XCTAssertEqual(s.history.undoSteps.count, 1)
        s.update(.undo)
        XCTAssertEqual(s.image, original, "one undo takes the whole stroke back")
        XCTAssertEqual(s.maps, FeatureMaps(input: original.grid, kernel: s.kernel, settings: s.settings))
        s.update(.redo)
        XCTAssertEqual(s.image, painted)
        XCTAssertEqual(s.maps.input, painted.grid)
    }

    /// The press lands on a pixel that is already white: the stroke still becomes one step once
    /// the drag paints something.
    func testAStrokeWhoseFirstDabChangesNothingIsStillOneStep() throws {
        var s = try state()
        s.update(.togglePaintMode)
        s.update(.paint(row: 2, col: 2, value: 1))
        let afterDab = s.image
        stroke(&s, [(2, 2), (2, 8)])
        XCTAssertEqual(s.history.undoSteps.count, 2)
        s.update(.undo)
        XCTAssertEqual(s.image, afterDab)
    }

    func testClearKernelEditsSizeAndShiftAreSteps() throws {
        var s = try state()
        let start = s.editSnapshotForTest
        s.update(.shiftInput(rows: 1, cols: 0))
        let shifted = s.editSnapshotForTest
        s.update(.selectWeight(row: 0, col: 0))
        s.update(.nudgeWeight(steps: 3, coarse: false))
        let nudged = s.editSnapshotForTest
        XCTAssertEqual(s.kernel[0, 0], -0.7)
        s.update(.cycleKernelSize)
        let resized = s.editSnapshotForTest
        XCTAssertEqual(s.kernel.size, 5)
        s.update(.togglePaintMode)
        s.update(.clearCanvas)
        XCTAssertEqual(s.image.grid.values.max(), 0)
        XCTAssertEqual(s.history.undoSteps.count, 4)

        s.update(.undo)
        XCTAssertEqual(s.editSnapshotForTest, resized)
        s.update(.undo)
        XCTAssertEqual(s.editSnapshotForTest, nudged)
        s.update(.undo)
        XCTAssertEqual(s.editSnapshotForTest, shifted)
        s.update(.undo)
        XCTAssertEqual(s.editSnapshotForTest, start)
        s.update(.undo)
        XCTAssertEqual(s.message, "nothing to undo")
        XCTAssertEqual(s.editSnapshotForTest, start)
        for expected in [shifted, nudged, resized] {
            s.update(.redo)
            XCTAssertEqual(s.editSnapshotForTest, expected)
        }
    }

    func testANewEditEndsWhatCouldBeRedone() throws {
        var s = try state()
        s.update(.nextFilter)
        s.update(.undo)
        XCTAssertTrue(s.history.canRedo)
        s.update(.toggleFlip)
        XCTAssertFalse(s.history.canRedo)
        s.update(.redo)
        XCTAssertEqual(s.message, "nothing to redo")
        XCTAssertTrue(s.settings.flip)
    }

    func testActionsThatChangeNothingMakeNoStep() throws {
        var s = try state()
        s.update(.nudgeWeight(steps: 1, coarse: false))   // no weight selected
        s.update(.clearCanvas)                              // not in paint mode
        s.update(.togglePaintMode)
        s.update(.paint(row: 0, col: 0, value: 0))          // already black
        s.update(.toggleNumbers)
        XCTAssertTrue(s.history.undoSteps.isEmpty)
    }

    /// The tour and the command line set inputs with `setImage`/`setKernel`: not the person's steps.
    func testTheTourMakesNoSteps() throws {
        var s = try state()
        s.update(.startTour(.builtin, loop: true))
        s.update(.tick(seconds: 40))
        XCTAssertTrue(s.history.undoSteps.isEmpty)
    }

    func testAtLeastAHundredStepsAreKept() throws {
        var s = try state()
        s.update(.togglePaintMode)
        var images: [NamedImage] = [s.image]
        for i in 0..<130 {
            s.update(.paint(row: i / 24, col: i % 24, value: s.image.grid[i / 24, i % 24] == 1 ? 0 : 1))
            images.append(s.image)
        }
        XCTAssertEqual(s.history.undoSteps.count, EditHistory.minimumSteps)
        for back in 1...100 {
            s.update(.undo)
            XCTAssertEqual(s.image, images[images.count - 1 - back], "undo \(back)")
        }
        s.update(.undo)
        XCTAssertEqual(s.message, "nothing to undo")
    }

    /// On a large input the steps holding pictures are limited by memory, newest kept. The budget
    /// is scaled down with the picture (the default is 32M cells), so the test stays quick.
    func testHistoryOfLargePicturesStaysWithinItsBudget() throws {
        let side = 64, budget = 4 * side * side
        var s = try AppState(image: NamedImage(name: "big", grid: Grid(width: side, height: side)),
                             kernel: Kernel.preset(named: "identity")!, playing: false)
        s.history = EditHistory(cellBudget: budget)
        s.update(.togglePaintMode)
        // Eleven steps of a whole picture each are more than the budget plus one step, so some
        // must go.
        for i in 0..<11 { s.update(.paint(row: i * 5, col: i * 5, value: 1)) }
        let kept = s.history.undoSteps.count
        XCTAssertGreaterThanOrEqual(kept, 1)
        XCTAssertLessThan(kept, 11)
        XCTAssertLessThanOrEqual(kept * side * side, budget + side * side)
        s.update(.undo)
        XCTAssertEqual(s.image.grid[50, 50], 0, "the newest step is the one kept")
        XCTAssertEqual(s.image.grid[45, 45], 1)
    }

    func testKeysForUndoAndRedo() {
        XCTAssertEqual(KeyMap.action(key: "z", modifiers: .control), .undo)
        XCTAssertEqual(KeyMap.action(key: "Z", modifiers: .control), .redo, "Ctrl+Shift+Z: Shift is spent on Z")
        XCTAssertEqual(KeyMap.action(key: "u", modifiers: []), .undo)
        XCTAssertEqual(KeyMap.action(key: "U", modifiers: []), .redo)
    }
}

extension AppState {
    /// The input, kernel and settings, to compare states step by step.
    var editSnapshotForTest: EditSnapshot { EditSnapshot(image: image, kernel: kernel, settings: settings) }
}
