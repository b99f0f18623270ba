import XCTest
import ConvModel

/// Editing kernel weights through `update`: selecting, nudging, typing, zeroing, resizing.
final class KernelEditorTests: XCTestCase {
    private func state(_ filter: String = "sharpen", input: String = "face") throws -> AppState {
        try AppState(image: BuiltinImages.named(input)!, kernel: Kernel.preset(named: filter)!, playing: false)
    }

    /// The maps are those of the state's own image, kernel and settings: recomputed in the same update.
    private func assertMapsCurrent(_ s: AppState, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(s.maps, FeatureMaps(input: s.image.grid, kernel: s.kernel, settings: s.settings),
                       "maps not rebuilt", file: file, line: line)
    }

    func testSelectAndDeselect() throws {
        var s = try state()
        XCTAssertNil(s.kernelEditor.selected)
        s.update(.selectWeight(row: 0, col: 2))
        XCTAssertEqual(s.kernelEditor.selected, GridCell(row: 0, col: 2))
        s.update(.selectWeight(row: 3, col: 0))   // outside a 3×3 kernel: nothing changes
        XCTAssertEqual(s.kernelEditor.selected, GridCell(row: 0, col: 2))
        s.update(.selectWeight(row: -1, col: 0))
        XCTAssertEqual(s.kernelEditor.selected, GridCell(row: 0, col: 2))
        s.update(.deselectWeight)
        XCTAssertNil(s.kernelEditor.selected)
        XCTAssertEqual(s.kernel.name, "sharpen", "selecting is not editing")
    }

    func testNudgeMakesACustomKernelAndRebuildsTheMaps() throws {
        var s = try state()
        let before = s.maps.conv
        s.update(.selectWeight(row: 1, col: 1))
        s.update(.nudgeWeight(steps: 1, coarse: false))
        XCTAssertEqual(s.kernel.name, "custom")
        XCTAssertEqual(s.kernel.label, "0,-1,0;-1,5.1,-1;0,-1,0")
        XCTAssertEqual(s.kernel.label, s.kernel.text)
        XCTAssertEqual(s.kernel[1, 1], Float("5.1")!)
        XCTAssertNil(s.presetIndex)
        XCTAssertNotEqual(s.maps.conv, before)
        assertMapsCurrent(s)
        s.update(.nudgeWeight(steps: -1, coarse: true))
        XCTAssertEqual(s.kernel[1, 1], Float("4.1")!)
        s.update(.nudgeWeight(steps: 3, coarse: true))
        XCTAssertEqual(s.kernel.label, "0,-1,0;-1,7.1,-1;0,-1,0")
        assertMapsCurrent(s)
    }

    /// Ten steps of +0.1 from 0 land on 1 exactly, and every step on the Float nearest its decimal.
    func testNudgesDoNotAccumulateNoise() throws {
        var s = try state("identity")
        s.update(.selectWeight(row: 0, col: 0))
        for i in 1...10 {
            s.update(.nudgeWeight(steps: 1, coarse: false))
            XCTAssertEqual(s.kernel[0, 0], Float(Double(i) / 10), "after \(i) steps")
        }
        XCTAssertEqual(s.kernel[0, 0], 1)
        XCTAssertEqual(s.kernel.text, "1,0,0;0,1,0;0,0,0")
        for _ in 1...13 { s.update(.nudgeWeight(steps: -1, coarse: false)) }
        XCTAssertEqual(s.kernel[0, 0], Float("-0.3")!)
        XCTAssertEqual(s.kernel.text, "-0.3,0,0;0,1,0;0,0,0")
    }

    /// Coming back to 0 from below gives +0, so the label never reads "-0".
    func testNudgeBackToZeroIsPositiveZero() throws {
        var s = try state("identity")
        s.update(.selectWeight(row: 0, col: 1))
        s.update(.nudgeWeight(steps: -1, coarse: false))
        s.update(.nudgeWeight(steps: 1, coarse: false))
        XCTAssertEqual(s.kernel[0, 1], 0)
        XCTAssertEqual(s.kernel[0, 1].sign, .plus)
        XCTAssertEqual(s.kernel.label, "0,0,0;0,1,0;0,0,0")
    }

    func testNudgeRoundsToFourDecimalsAndIsBounded() {
        XCTAssertEqual(KernelEditor.nudged(1.0 / 9.0, by: 0.1), Float("0.2111")!)
        XCTAssertEqual(KernelEditor.nudged(0.2, by: 0.1), Float("0.3")!)
        XCTAssertEqual(KernelEditor.nudged(999.5, by: 1), KernelEditor.maxMagnitude)
        XCTAssertEqual(KernelEditor.nudged(-999.5, by: -1), -KernelEditor.maxMagnitude)
    }

    func testEditsNeedASelectedWeight() throws {
        var s = try state()
        let before = s
        for action: Action in [.nudgeWeight(steps: 1, coarse: false), .setWeight(2), .zeroWeight,
                               .typeWeightCharacter("1"), .eraseTypedCharacter, .commitTypedWeight] {
            s.update(action)
            XCTAssertEqual(s, before, "\(action) changed the state without a selected weight")
        }
    }

    func testTypeAndEnterSetsTheWeight() throws {
        var s = try state()
        s.update(.selectWeight(row: 0, col: 0))
        for c in "-2.5" { s.update(.typeWeightCharacter(c)) }
        XCTAssertEqual(s.kernelEditor.typed, "-2.5")
        XCTAssertEqual(s.kernel.name, "sharpen", "typing alone changes nothing")
        s.update(.commitTypedWeight)
        XCTAssertEqual(s.kernel[0, 0], -2.5)
        XCTAssertEqual(s.kernel.label, "-2.5,-1,0;-1,5,-1;0,-1,0")
        XCTAssertEqual(s.kernelEditor.typed, "")
        XCTAssertEqual(s.kernelEditor.selected, GridCell(row: 0, col: 0), "the weight stays selected")
        XCTAssertNil(s.message)
        assertMapsCurrent(s)
        for c in ".25" { s.update(.typeWeightCharacter(c)) }
        s.update(.commitTypedWeight)
        XCTAssertEqual(s.kernel[0, 0], 0.25)
    }

    /// A bad number leaves the kernel and the maps alone and says why; the text stays to be fixed.
    func testBadTypedNumberOnlyGivesAMessage() throws {
        for text in ["-", ".", "1-2", "1.2.3", "--1", "5000"] {
            var s = try state()
            s.update(.selectWeight(row: 1, col: 1))
            for c in text { s.update(.typeWeightCharacter(c)) }
            let before = s
            s.update(.commitTypedWeight)
            XCTAssertEqual(s.kernel, before.kernel, text)
            XCTAssertEqual(s.maps, before.maps, text)
            XCTAssertEqual(s.kernelEditor.typed, text)
            let m = try XCTUnwrap(s.message, text)
            XCTAssertTrue(m.contains(text), m)
            XCTAssertFalse(m.contains("\n"))
        }
    }

    func testTypingKeepsOnlyNumberCharactersAndAFewOfThem() throws {
        var s = try state()
        s.update(.selectWeight(row: 1, col: 1))
        for c in "1a2 x3" { s.update(.typeWeightCharacter(c)) }
        XCTAssertEqual(s.kernelEditor.typed, "123")
        for _ in 0..<20 { s.update(.typeWeightCharacter("9")) }
        XCTAssertEqual(s.kernelEditor.typed.count, KernelEditor.maxTypedLength)
    }

    func testEnterWithNothingTypedDoesNothing() throws {
        var s = try state()
        s.update(.selectWeight(row: 1, col: 1))
        let before = s
        s.update(.commitTypedWeight)
        XCTAssertEqual(s, before)
    }

    func testBackspaceErasesTypingThenZeroes() throws {
        var s = try state()
        s.update(.selectWeight(row: 1, col: 1))
        for c in "12" { s.update(.typeWeightCharacter(c)) }
        s.update(.eraseTypedCharacter)
        XCTAssertEqual(s.kernelEditor.typed, "1")
        s.update(.eraseTypedCharacter)
        XCTAssertEqual(s.kernelEditor.typed, "")
        XCTAssertEqual(s.kernel[1, 1], 5, "erasing typed text does not touch the weight")
        s.update(.eraseTypedCharacter)
        XCTAssertEqual(s.kernel[1, 1], 0)
        XCTAssertEqual(s.kernel.label, "0,-1,0;-1,0,-1;0,-1,0")
        assertMapsCurrent(s)
    }

    func testZeroAndSetWeight() throws {
        var s = try state()
        s.update(.selectWeight(row: 0, col: 1))
        s.update(.zeroWeight)
        XCTAssertEqual(s.kernel.text, "0,0,0;-1,5,-1;0,-1,0")
        s.update(.setWeight(0.75))
        XCTAssertEqual(s.kernel[0, 1], 0.75)
        let before = s
        s.update(.setWeight(.nan))
        XCTAssertEqual(s.kernel, before.kernel)
        XCTAssertNotNil(s.message)
        s.update(.setWeight(-2000))
        XCTAssertEqual(s.kernel, before.kernel)
    }

    /// Selecting another weight drops what was typed for the last one.
    func testSelectingAnotherWeightDropsTheTyping() throws {
        var s = try state()
        s.update(.selectWeight(row: 1, col: 1))
        s.update(.typeWeightCharacter("3"))
        s.update(.selectWeight(row: 0, col: 0))
        XCTAssertEqual(s.kernelEditor.typed, "")
    }

    // MARK: Kernel size

    func testCycleSizeKeepsTheCentre() throws {
        var s = try state()
        s.update(.cycleKernelSize)
        XCTAssertEqual(s.kernel.size, 5)
        XCTAssertEqual(s.kernel.name, "custom")
        XCTAssertEqual(s.kernel.text, "0,0,0,0,0;0,0,-1,0,0;0,-1,5,-1,0;0,0,-1,0,0;0,0,0,0,0")
        XCTAssertEqual(s.maps.conv.width, 20)
        assertMapsCurrent(s)
        s.update(.cycleKernelSize)
        XCTAssertEqual(s.kernel.size, 7)
        XCTAssertEqual(s.kernel[3, 3], 5)
        XCTAssertEqual(s.kernel[2, 3], -1)
        XCTAssertEqual(s.kernel.weights.filter { $0 != 0 }.count, 5)
        s.update(.cycleKernelSize)
        XCTAssertEqual(s.kernel.text, "5")
        s.update(.cycleKernelSize)
        XCTAssertEqual(s.kernel, Kernel.preset(named: "sharpen")!, "a full turn gives back the kernel it started from")
        assertMapsCurrent(s)
    }

    func testResizedCropsAndEmbedsAroundTheCentre() {
        let k = Kernel.custom(size: 5, weights: (1...25).map(Float.init))
        XCTAssertEqual(k.resized(to: 3).text, "7,8,9;12,13,14;17,18,19")
        XCTAssertEqual(k.resized(to: 1).text, "13")
        XCTAssertEqual(k.resized(to: 5), k)
        XCTAssertEqual(k.resized(to: 3).resized(to: 5).text, "0,0,0,0,0;0,7,8,9,0;0,12,13,14,0;0,17,18,19,0;0,0,0,0,0")
        XCTAssertEqual(k.resized(to: 7).resized(to: 5), k)
    }

    /// The selected weight moves with the centre; one cropped away is let go.
    func testSelectionFollowsTheCentre() throws {
        var s = try state()
        s.update(.selectWeight(row: 0, col: 2))
        s.update(.cycleKernelSize)   // 5×5
        XCTAssertEqual(s.kernelEditor.selected, GridCell(row: 1, col: 3))
        s.update(.cycleKernelSize)   // 7×7
        XCTAssertEqual(s.kernelEditor.selected, GridCell(row: 2, col: 4))
        s.update(.cycleKernelSize)   // 1×1: that weight is gone
        XCTAssertNil(s.kernelEditor.selected)
        s.update(.selectWeight(row: 0, col: 0))
        s.update(.cycleKernelSize)   // 3×3
        XCTAssertEqual(s.kernelEditor.selected, GridCell(row: 1, col: 1))
    }

    /// On a 5×5 input a 7×7 kernel leaves no output: `k` goes from 5 straight to 1 and says why.
    func testCycleSizePassesOverASizeThatDoesNotFit() throws {
        let small = NamedImage(name: "small", grid: Grid(width: 5, height: 5, repeating: 0.5))
        var s = try AppState(image: small, kernel: Kernel.preset(named: "sharpen")!)
        s.update(.cycleKernelSize)
        XCTAssertEqual(s.kernel.size, 5)
        XCTAssertNil(s.message)
        s.update(.cycleKernelSize)
        XCTAssertEqual(s.kernel.size, 1)
        let m = try XCTUnwrap(s.message)
        XCTAssertTrue(m.contains("7×7"), m)
        assertMapsCurrent(s)
    }

    /// A new preset drops a selection it has no room for, and keeps one it has.
    func testPresetChangeFitsTheSelection() throws {
        var s = try state()
        s.update(.cycleKernelSize)
        s.update(.selectWeight(row: 4, col: 4))
        s.update(.selectPreset(0))
        XCTAssertNil(s.kernelEditor.selected)
        s.update(.selectWeight(row: 2, col: 2))
        s.update(.nextFilter)
        XCTAssertEqual(s.kernelEditor.selected, GridCell(row: 2, col: 2))
    }

    func testNextSizeCycle() {
        XCTAssertEqual([3, 5, 7, 1].map(KernelEditor.nextSize(after:)), [5, 7, 1, 3])
    }
}
