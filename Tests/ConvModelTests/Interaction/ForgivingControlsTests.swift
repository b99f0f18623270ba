import XCTest
import ConvModel

/// Controls that never lose work: Esc closes before it quits, quitting with unsaved work asks,
/// cycles come back to where they started, hover previews, a bad typed weight stays to be fixed.
final class ForgivingControlsTests: XCTestCase {
    private func state(_ input: String = "face", _ filter: String = "edge_v", playing: Bool = false) throws -> AppState {
        try AppState(image: BuiltinImages.named(input)!, kernel: Kernel.preset(named: filter)!, playing: playing)
    }

    private func point(_ kind: PanelKind, row: Int, col: Int, in s: AppState) -> (x: Double, y: Double) {
        let r = FrameLayout(state: s).mapping(kind, in: s).cellRect(row: row, col: col)
        return (r.midX, r.midY)
    }

    // MARK: Esc

    func testEscClosesTheTopmostThingFirstAndQuitsLast() throws {
        var s = try state()
        s.update(.togglePaintMode)
        s.update(.selectWeight(row: 1, col: 1))
        s.update(.typeWeightCharacter("2"))
        s.update(.toggleHelp)
        s.update(.toggleCode)
        // Help is drawn over the code overlay, so it goes first.
        let order: [EscapeTarget] = [.help, .codeOverlay, .typedNumber, .selectedWeight, .paintMode]
        for target in order {
            XCTAssertEqual(s.escapeTarget, target)
            XCTAssertEqual(s.update(.escape), [], "Esc closing \(target) must not quit")
        }
        XCTAssertFalse(s.view.showCode)
        XCTAssertFalse(s.view.showHelp)
        XCTAssertNil(s.kernelEditor.selected)
        XCTAssertFalse(s.painter.isOn)
        XCTAssertNil(s.escapeTarget)
        XCTAssertEqual(s.kernel, Kernel.preset(named: "edge_v")!, "the typed 2 was never applied")
        XCTAssertEqual(s.update(.escape), [.quit], "nothing open and nothing unsaved: Esc quits")
    }

    func testEscWithTheTypedNumberGoneKeepsTheWeightSelected() throws {
        var s = try state()
        s.update(.selectWeight(row: 0, col: 2))
        s.update(.typeWeightCharacter("7"))
        s.update(.escape)
        XCTAssertEqual(s.kernelEditor.selected, GridCell(row: 0, col: 2))
        XCTAssertEqual(s.kernelEditor.typed, "")
    }

    func testQuittingWithUnsavedWorkAsksOnce() throws {
        for key in [Action.askToQuit, .escape] {
            var s = try state()
            s.update(.togglePaintMode)
            s.update(.paint(row: 3, col: 3, value: 1))
            s.update(.togglePaintMode)
            XCTAssertEqual(s.update(key), [], "\(key): the first press asks")
            XCTAssertEqual(s.message, "the painted input is not saved: press again to quit")
            XCTAssertTrue(s.isAskingToQuit)
            XCTAssertEqual(s.update(key), [.quit], "\(key): the second press quits")
        }
    }

    func testTheQuestionGoesWhenSomethingElseTakesItsPlace() throws {
        var s = try state()
        s.update(.selectWeight(row: 1, col: 1))
        s.update(.nudgeWeight(steps: 1, coarse: false))
        s.update(.deselectWeight)
        XCTAssertEqual(s.update(.askToQuit), [])
        XCTAssertEqual(s.message, "the edited kernel is not saved: press again to quit")
        s.update(.nextInput)     // a new map clears the message: the question is no longer asked
        XCTAssertFalse(s.isAskingToQuit)
        XCTAssertEqual(s.update(.askToQuit), [], "asks again")
    }

    /// Work that has given way (a preset chosen after editing, a full turn of `k` back to the
    /// preset) is not on screen any more: quitting loses nothing that is shown.
    func testNoQuestionForWorkNoLongerShown() throws {
        var s = try state()
        s.update(.selectWeight(row: 0, col: 0))
        s.update(.nudgeWeight(steps: 1, coarse: false))
        s.update(.deselectWeight)
        s.update(.selectPreset(0))
        XCTAssertEqual(s.update(.askToQuit), [.quit])
        var k = try state()
        for _ in 0..<4 { k.update(.cycleKernelSize) }
        XCTAssertEqual(k.kernel, Kernel.preset(named: "edge_v")!)
        XCTAssertEqual(k.update(.escape), [.quit])
    }

    func testSavingThePaintingMeansNoQuestion() throws {
        var s = try state()
        s.update(.togglePaintMode)
        s.update(.paint(row: 3, col: 3, value: 1))
        s.update(.paintingSaved)
        s.update(.togglePaintMode)
        XCTAssertEqual(s.update(.askToQuit), [.quit])
    }

    func testQuitAtOnceNeverAsks() throws {
        var s = try state()
        s.update(.togglePaintMode)
        s.update(.paint(row: 3, col: 3, value: 1))
        XCTAssertEqual(s.update(.quit), [.quit])
    }

    func testKeysForEscAndQ() throws {
        var s = try state()
        XCTAssertEqual(KeyMap.action(key: "Escape", modifiers: [], in: s), .escape)
        XCTAssertEqual(KeyMap.action(key: "q", modifiers: [], in: s), .askToQuit)
        s.update(.selectWeight(row: 0, col: 0))
        XCTAssertEqual(KeyMap.action(key: "Escape", modifiers: [], in: s), .escape)
    }

    // MARK: cycles that come back

    func testAFullTurnOfKernelSizesGivesBackTheKernel() throws {
        for name in ["edge_v", "sharpen", "gaussian", "emboss"] {
            var s = try state("face", name)
            s.update(.seek(21 * 22 + 20))
            let start = (s.kernel, s.scan.row, s.scan.col)
            var sizes: [Int] = []
            for _ in 0..<4 {
                s.update(.cycleKernelSize)
                sizes.append(s.kernel.size)
            }
            XCTAssertEqual(sizes, [5, 7, 1, 3])
            XCTAssertEqual(s.kernel, start.0, "\(name): the same kernel, name and all")
            XCTAssertEqual(s.scan.row, start.1)
            XCTAssertEqual(s.scan.col, start.2)
        }
    }

    func testAnEditDuringTheTurnStartsANewOne() throws {
        var s = try state("face", "sharpen")
        s.update(.cycleKernelSize)                  // 5×5, sharpen framed by zeros
        s.update(.selectWeight(row: 0, col: 0))
        s.update(.setWeight(2))
        let edited = s.kernel
        for _ in 0..<4 { s.update(.cycleKernelSize) }
        XCTAssertEqual(s.kernel, edited, "the turn started from the edited 5×5")
    }

    func testAFullTurnOfDilationKeepsThePosition() throws {
        var s = try state()
        s.update(.seek(s.scan.index(row: 21, col: 20)))
        for _ in 0..<3 { s.update(.cycleDilation) }
        XCTAssertEqual(s.settings.dilation, 1)
        XCTAssertEqual(s.scan.row, 21)
        XCTAssertEqual(s.scan.col, 20)
    }

    func testAFileInputStaysInTheInputCycle() throws {
        let own = NamedImage(name: "/tmp/photo.png", grid: Grid(width: 20, height: 20, repeating: 0.5))
        var s = try AppState(image: own, kernel: Kernel.preset(named: "edge_v")!)
        var seen: [String] = []
        for _ in 0...BuiltinImages.names.count {
            s.update(.nextInput)
            seen.append(s.image.name)
        }
        XCTAssertEqual(seen, BuiltinImages.names + [own.name])
        XCTAssertEqual(s.image, own)
        s.update(.previousInput)
        XCTAssertEqual(s.image.name, BuiltinImages.names.last)
        s.update(.nextInput)
        s.update(.nextInput)
        XCTAssertEqual(s.image.name, "face")
        s.update(.previousInput)
        XCTAssertEqual(s.image, own)
    }

    func testLeavingTheTourWithTGivesBackWhatWasThere() throws {
        var s = try state("circle", "sharpen")
        s.update(.setSpeed(3))
        s.update(.toggleRelu)
        s.update(.seek(40))
        s.update(.setSettings(ConvSettings(stride: 2)))
        let before = s
        s.update(.startTour(.builtin, loop: true))
        s.update(.tick(seconds: 70))
        XCTAssertNotEqual(s.image, before.image)
        s.update(.toggleTour)
        XCTAssertNil(s.tour)
        XCTAssertNil(s.caption)
        XCTAssertEqual(s.image, before.image)
        XCTAssertEqual(s.kernel, before.kernel)
        XCTAssertEqual(s.settings, before.settings)
        XCTAssertEqual(s.clock.speed, 3)
        XCTAssertEqual(s.clock.isPlaying, before.clock.isPlaying)
        XCTAssertEqual(s.view, before.view)
        XCTAssertEqual(s.scan.position, before.scan.position)
    }

    // MARK: hover preview

    func testHoverPreviewGoesBackWhenThePointerLeavesThePanels() throws {
        var s = try state()
        s.update(.seek(17))
        let conv = point(.conv, row: 9, col: 4, in: s)
        s.update(.pointer(.moved(x: conv.x, y: conv.y)))
        XCTAssertEqual(s.scan.position, s.scan.index(row: 9, col: 4), "the kernel follows the pointer")
        let pool = point(.pool, row: 2, col: 3, in: s)
        s.update(.pointer(.moved(x: pool.x, y: pool.y)))
        XCTAssertEqual(s.scan.position, s.scan.index(row: 4, col: 6))
        let status = FrameLayout(state: s).status
        s.update(.pointer(.moved(x: status.midX, y: status.midY)))
        XCTAssertNil(s.hover)
        XCTAssertEqual(s.scan.position, 17, "off the panels the scan is back where it was")
        s.update(.pointer(.moved(x: conv.x, y: conv.y)))
        s.update(.pointer(.left))
        XCTAssertEqual(s.scan.position, 17, "leaving the window ends the preview too")
    }

    func testAClickCommitsTheHoveredPosition() throws {
        var s = try state()
        s.update(.seek(17))
        let conv = point(.conv, row: 9, col: 4, in: s)
        s.update(.pointer(.moved(x: conv.x, y: conv.y)))
        s.update(.pointer(.pressed(x: conv.x, y: conv.y, button: .primary)))
        s.update(.pointer(.released(x: conv.x, y: conv.y, button: .primary)))
        s.update(.pointer(.left))
        XCTAssertEqual(s.scan.position, s.scan.index(row: 9, col: 4))
    }

    func testAKeyThatMovesTheScanEndsThePreview() throws {
        var s = try state()
        s.update(.seek(17))
        let conv = point(.conv, row: 9, col: 4, in: s)
        s.update(.pointer(.moved(x: conv.x, y: conv.y)))
        s.update(.step(1))
        s.update(.pointer(.left))
        XCTAssertEqual(s.scan.position, s.scan.index(row: 9, col: 5), "the key's position stays")
    }

    // MARK: typed weights

    func testATypedWeightThatDoesNotParseStaysSelectedAndIsReplacedByTheNextDigit() throws {
        var s = try state()
        s.update(.selectWeight(row: 1, col: 1))
        for c in "1.2.3" { s.update(.typeWeightCharacter(c)) }
        s.update(.commitTypedWeight)
        XCTAssertEqual(s.kernel, Kernel.preset(named: "edge_v")!)
        XCTAssertEqual(s.message, "\(WeightEntryError.notANumber("1.2.3"))")
        XCTAssertEqual(s.kernelEditor.selected, GridCell(row: 1, col: 1))
        XCTAssertEqual(s.kernelEditor.typed, "1.2.3", "the bad text stays on show")
        XCTAssertTrue(s.kernelEditor.typedIsInvalid)
        s.update(.typeWeightCharacter("4"))
        XCTAssertEqual(s.kernelEditor.typed, "4", "the next digit replaces it")
        XCTAssertFalse(s.kernelEditor.typedIsInvalid)
        s.update(.commitTypedWeight)
        XCTAssertEqual(s.kernel[1, 1], 4)
    }

    func testBackspaceOnABadNumberClearsItWhole() throws {
        var s = try state()
        s.update(.selectWeight(row: 1, col: 1))
        for c in "--" { s.update(.typeWeightCharacter(c)) }
        s.update(.commitTypedWeight)
        s.update(.eraseTypedCharacter)
        XCTAssertEqual(s.kernelEditor.typed, "")
        XCTAssertEqual(s.kernel[1, 1], 0, "the weight itself is untouched by clearing the text")
    }
}
