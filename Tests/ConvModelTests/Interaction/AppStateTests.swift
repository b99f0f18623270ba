import XCTest
import ConvModel

/// `AppState.update(_:)` for every action: what changes, what stays, and what the shell is told to do.
final class AppStateTests: XCTestCase {
    private func state(_ input: String = "face", _ filter: String = "edge_v",
                       settings: ConvSettings = ConvSettings(), playing: Bool = true) throws -> AppState {
        try AppState(image: BuiltinImages.named(input)!, kernel: Kernel.preset(named: filter)!,
                     settings: settings, playing: playing)
    }

    /// A small custom image, for kernels that do not fit.
    private let tiny = NamedImage(name: "tiny.pgm", grid: Grid(width: 3, height: 3, repeating: 0.5))

    func testInitialState() throws {
        let s = try state()
        XCTAssertEqual(s.image.name, "face")
        XCTAssertEqual(s.kernel.name, "edge_v")
        XCTAssertEqual(s.scan.count, 484)
        XCTAssertEqual(s.scan.position, 0)
        XCTAssertEqual(s.maps.conv.width, 22)
        XCTAssertEqual(s.builtinInputIndex, 0)
        XCTAssertEqual(s.presetIndex, 1)
        XCTAssertTrue(s.clock.isPlaying)
        XCTAssertNil(s.message)
        XCTAssertEqual(s.currentCell.value, s.maps.conv[0, 0])
    }

    func testInitThrowsWhenTheKernelLeavesNoOutput() {
        let big = Kernel(name: "custom", label: "custom", size: 5, weights: .init(repeating: 1, count: 25))
        XCTAssertThrowsError(try AppState(image: tiny, kernel: big)) {
            XCTAssertEqual($0 as? SettingsError,
                           .noOutput(inputWidth: 3, inputHeight: 3, kernel: 5, stride: 1, padding: .valid, dilation: 1))
        }
        XCTAssertThrowsError(try AppState(image: tiny, kernel: Kernel.presets[0], settings: ConvSettings(stride: 0))) {
            XCTAssertEqual($0 as? SettingsError, .badStride(0))
        }
        XCTAssertNoThrow(try AppState(image: tiny, kernel: big, settings: ConvSettings(padding: .same)))
    }

    // MARK: The scan and the clock

    func testStepBackSeekAndRows() throws {
        var s = try state()
        XCTAssertEqual(s.update(.step(5)), [])
        XCTAssertEqual(s.scan.position, 5)
        s.update(.step(-2))
        XCTAssertEqual(s.scan.position, 3)
        s.update(.stepRow(2))
        XCTAssertEqual(s.scan.position, 3 + 44)
        s.update(.stepRow(-1))
        XCTAssertEqual(s.scan.position, 3 + 22)
        s.update(.seekLast)
        XCTAssertEqual(s.scan.position, 483)
        s.update(.step(1))
        XCTAssertEqual(s.scan.position, 483)
        s.update(.seekFirst)
        XCTAssertEqual(s.scan.position, 0)
        s.update(.step(-1))
        XCTAssertEqual(s.scan.position, 0)
        s.update(.seek(100))
        XCTAssertEqual(s.scan.position, 100)
        XCTAssertEqual(s.currentCell.row, 4)
        XCTAssertEqual(s.currentCell.col, 12)
        XCTAssertEqual(s.currentCell.value, s.maps.conv[4, 12])
        s.update(.seek(10_000))
        XCTAssertEqual(s.scan.position, 483)
        s.update(.seek(-5))
        XCTAssertEqual(s.scan.position, 0)
    }

    /// A manual move drops the clock's partial progress, so the box does not jump.
    func testManualMoveResetsTheTween() throws {
        var s = try state()
        s.update(.setSpeed(2))
        for _ in 0..<20 { s.update(.tick(seconds: 1.0 / 60)) }
        XCTAssertGreaterThan(s.clock.tween, 0)
        s.update(.step(1))
        XCTAssertEqual(s.clock.tween, 0)
        XCTAssertEqual(s.scan.position, 1)
    }

    func testTicksPlayAndPause() throws {
        var s = try state()
        s.update(.setSpeed(60))
        for _ in 0..<10 { s.update(.tick(seconds: 0.1)) }  // 6 per tick, 60 in a second
        XCTAssertEqual(s.scan.position, 60)
        s.update(.togglePlay)
        XCTAssertFalse(s.clock.isPlaying)
        for _ in 0..<10 { s.update(.tick(seconds: 0.1)) }
        XCTAssertEqual(s.scan.position, 60)
        s.update(.togglePlay)
        XCTAssertTrue(s.clock.isPlaying)
        s.update(.setPlaying(false))
        XCTAssertFalse(s.clock.isPlaying)
        s.update(.setPlaying(false))
        XCTAssertFalse(s.clock.isPlaying)
        s.update(.setPlaying(true))
        XCTAssertTrue(s.clock.isPlaying)
        let paused = try state(playing: false)
        XCTAssertFalse(paused.clock.isPlaying)
    }

    func testSpeedActions() throws {
        var s = try state()
        XCTAssertEqual(s.clock.speed, Clock.defaultSpeed)
        s.update(.speedUp)
        XCTAssertEqual(s.clock.speed, 16)
        s.update(.speedDown)
        s.update(.speedDown)
        XCTAssertEqual(s.clock.speed, 4)
        s.update(.setSpeed(1_000_000))
        XCTAssertEqual(s.clock.speed, Clock.maxSpeed)
        s.update(.setSpeed(0.001))
        XCTAssertEqual(s.clock.speed, Clock.minSpeed)
    }

    // MARK: Inputs

    /// i / I walk the built-in inputs in the order of `BuiltinImages.names`, wrapping at both ends.
    func testInputCycling() throws {
        var s = try state()
        let names = BuiltinImages.names
        for k in 1...names.count {
            s.update(.nextInput)
            XCTAssertEqual(s.image.name, names[k % names.count])
            XCTAssertEqual(s.image.grid, BuiltinImages.named(names[k % names.count])!.grid)
        }
        XCTAssertEqual(s.image.name, "face")
        s.update(.previousInput)
        XCTAssertEqual(s.image.name, names.last)
        s.update(.previousInput)
        XCTAssertEqual(s.image.name, names[names.count - 2])
        // From a file image, both go to the first built-in.
        s.update(.setImage(tiny))
        XCTAssertNil(s.builtinInputIndex)
        s.update(.nextInput)
        XCTAssertEqual(s.image.name, "face")
    }

    /// The maps follow the new input; the scan keeps its row and column where they still fit and is
    /// clamped where they do not.
    func testInputChangeKeepsPositionWhereItFits() throws {
        var s = try state()                       // face: 22×22
        s.update(.seek(5 * 22 + 7))
        s.update(.setImage(BuiltinImages.named("checker")!))  // 16×16 → 14×14
        XCTAssertEqual(s.maps.conv.width, 14)
        XCTAssertEqual(s.scan.count, 196)
        XCTAssertEqual([s.scan.row, s.scan.col], [5, 7])
        XCTAssertEqual(s.maps, FeatureMaps(input: BuiltinImages.named("checker")!.grid, kernel: s.kernel, settings: s.settings))

        var t = try state()
        t.update(.seek(20 * 22 + 21))
        t.update(.setImage(BuiltinImages.named("checker")!))
        XCTAssertEqual([t.scan.row, t.scan.col], [13, 13])
        t.update(.setImage(BuiltinImages.named("gradient")!))  // 32×16 → 30×14
        XCTAssertEqual([t.scan.row, t.scan.col], [13, 13])
        XCTAssertEqual(t.scan.position, 13 * 30 + 13)
    }

    // MARK: Filters

    /// f / F walk the presets in table order, wrapping; from a custom kernel both go to the first preset.
    func testFilterCycling() throws {
        var s = try state("face", "identity")
        let n = Kernel.presets.count
        for k in 1...n {
            s.update(.nextFilter)
            XCTAssertEqual(s.kernel, Kernel.presets[k % n])
            XCTAssertEqual(s.presetIndex, k % n)
        }
        s.update(.previousFilter)
        XCTAssertEqual(s.kernel.name, "emboss")
        s.update(.previousFilter)
        XCTAssertEqual(s.kernel.name, "outline")
        s.update(.setKernel(try Kernel.parse("0,1,0;1,1,1;0,1,0")))
        XCTAssertEqual(s.kernel.name, "custom")
        XCTAssertNil(s.presetIndex)
        s.update(.previousFilter)
        XCTAssertEqual(s.kernel.name, "identity")
    }

    /// Keys 1–9 select presets 0–8; indices outside the list change nothing.
    func testPresetsOneToNine() throws {
        var s = try state()
        for i in 0..<9 {
            s.update(.selectPreset(i))
            XCTAssertEqual(s.kernel, Kernel.presets[i])
            XCTAssertEqual(s.maps.kernel, Kernel.presets[i])
        }
        let before = s
        s.update(.selectPreset(-1))
        s.update(.selectPreset(Kernel.presets.count))
        XCTAssertEqual(s, before)
    }

    /// A new kernel rebuilds the maps and keeps the scan position (same size map).
    func testSetKernelRebuildsMaps() throws {
        var s = try state()
        s.update(.seek(37))
        let sharpen = Kernel.preset(named: "sharpen")!
        s.update(.setKernel(sharpen))
        XCTAssertEqual(s.maps, FeatureMaps(input: s.image.grid, kernel: sharpen, settings: s.settings))
        XCTAssertEqual(s.scan.position, 37)
        // A 7×7 kernel shrinks the map to 18×18; row 1, col 15 still fits.
        let seven = Kernel(name: "custom", label: "custom", size: 7, weights: .init(repeating: 1.0 / 49, count: 49))
        s.update(.setKernel(seven))
        XCTAssertEqual(s.scan.count, 18 * 18)
        XCTAssertEqual([s.scan.row, s.scan.col], [1, 15])
    }

    func testSetSettingsRebuildsMaps() throws {
        var s = try state()
        s.update(.setSettings(ConvSettings(stride: 2, padding: .same, bias: -0.5, pool: .avg)))
        XCTAssertEqual(s.settings.stride, 2)
        XCTAssertEqual(s.scan.count, 12 * 12)
        XCTAssertEqual(s.maps, FeatureMaps(input: s.image.grid, kernel: s.kernel,
                                           settings: ConvSettings(stride: 2, padding: .same, bias: -0.5, pool: .avg)))
    }

    // MARK: Changes that leave no output

    /// A kernel, setting or image that leaves no output changes nothing but `message`, which names the
    /// problem in one line; the next change that works clears it.
    func testNoOutputKeepsOldStateAndSetsMessage() throws {
        var s = try AppState(image: tiny, kernel: Kernel.preset(named: "blur")!)
        s.update(.seek(0))
        let before = s
        let five = Kernel(name: "custom", label: "custom", size: 5, weights: .init(repeating: 0.04, count: 25))
        s.update(.setKernel(five))
        XCTAssertEqual(s.kernel, before.kernel)
        XCTAssertEqual(s.maps, before.maps)
        XCTAssertEqual(s.scan, before.scan)
        let message = try XCTUnwrap(s.message)
        XCTAssertEqual(message, SettingsError.noOutput(inputWidth: 3, inputHeight: 3, kernel: 5, stride: 1,
                                                       padding: .valid, dilation: 1).description)
        XCTAssertFalse(message.contains("\n"))

        var t = before
        t.update(.setSettings(ConvSettings(stride: 0)))
        XCTAssertEqual(t.settings, before.settings)
        XCTAssertEqual(t.message, SettingsError.badStride(0).description)
        t.update(.setSettings(ConvSettings(bias: .nan)))
        XCTAssertEqual(t.settings, before.settings)
        XCTAssertEqual(t.message, SettingsError.biasNotFinite.description)
        t.update(.setSettings(ConvSettings(dilation: 0)))
        XCTAssertEqual(t.message, SettingsError.badDilation(0).description)
        t.update(.setSettings(ConvSettings(dilation: 2)))  // a 3×3 dilated to 5 does not fit 3×3
        XCTAssertEqual(t.settings, before.settings)
        XCTAssertNotNil(t.message)
        t.update(.setSettings(ConvSettings(bias: 0.25)))
        XCTAssertNil(t.message, "a change that works clears the message")
        XCTAssertEqual(t.settings.bias, 0.25)

        // An image too small for the kernel.
        var u = try state("face", "blur")
        u.update(.setImage(NamedImage(name: "dot.pgm", grid: Grid(width: 2, height: 2))))
        XCTAssertEqual(u.image.name, "face")
        XCTAssertNotNil(u.message)
        u.update(.setImage(NamedImage(name: "empty.pgm", grid: Grid(width: 0, height: 0))))
        XCTAssertEqual(u.image.name, "face")
        XCTAssertEqual(u.message, SettingsError.emptyInput.description)
    }

    // MARK: View toggles and the rest

    func testToggles() throws {
        var s = try state()
        let v = s.view
        s.update(.toggleRelu)
        XCTAssertEqual(s.view.showRelu, !v.showRelu)
        s.update(.toggleNumbers)
        XCTAssertEqual(s.view.showNumbers, !v.showNumbers)
        s.update(.toggleGrid)
        XCTAssertEqual(s.view.showGrid, !v.showGrid)
        s.update(.toggleProgressive)
        XCTAssertEqual(s.view.progressive, !v.progressive)
        s.update(.toggleHelp)
        XCTAssertEqual(s.view.showHelp, !v.showHelp)
        for a: Action in [.toggleRelu, .toggleNumbers, .toggleGrid, .toggleProgressive, .toggleHelp] {
            XCTAssertEqual(s.update(a), [])
        }
        XCTAssertEqual(s.view, v, "toggling twice restores every option")
        XCTAssertEqual(s.maps, try state().maps, "view options never change the numbers")
    }

    func testViewActions() throws {
        var s = try state()
        s.panels[1] = PanelView(zoom: 4, panX: 10, panY: -3)
        s.update(.resetView)
        XCTAssertEqual(s.panels, Array(repeating: PanelView(), count: 3))
        s.update(.resize(width: 1920, height: 1080))
        XCTAssertEqual([s.windowWidth, s.windowHeight], [1920, 1080])
        s.update(.resize(width: 0, height: -5))
        XCTAssertEqual([s.windowWidth, s.windowHeight], [1, 1])
        s.update(.setScale(2))
        XCTAssertEqual(s.view.scale, 2)
        s.update(.setScale(100))
        XCTAssertEqual(s.view.scale, 8)
        s.update(.setScale(0.01))
        XCTAssertEqual(s.view.scale, 0.25)
        s.update(.setScale(.nan))
        XCTAssertEqual(s.view.scale, 0.25)
        s.update(.setScale(-1))
        XCTAssertEqual(s.view.scale, 0.25)
        s.update(.setTheme(.light))
        XCTAssertEqual(s.view.theme, .light)
        s.update(.showMessage("hello"))
        XCTAssertEqual(s.message, "hello")
        s.update(.dismissMessage)
        XCTAssertNil(s.message)
        let caption = Caption(title: "Edges", text: "The kernel looks for a change from left to right.")
        s.update(.setCaption(caption))
        XCTAssertEqual(s.caption, caption)
        s.update(.setCaption(nil))
        XCTAssertNil(s.caption)
        s.hover = HoverTarget(panel: .conv, row: 1, col: 2)
        XCTAssertEqual(s.update(.pointer(.left)), [])
        XCTAssertNil(s.hover)
    }

    /// Quit, save and fullscreen are for the shell: `update` returns them as effects and changes nothing.
    func testEffectsForQuitSaveAndFullscreen() throws {
        var s = try state()
        let before = s
        XCTAssertEqual(s.update(.quit), [.quit])
        XCTAssertEqual(s.update(.saveScreenshot), [.saveScreenshot])
        XCTAssertEqual(s.update(.toggleFullscreen), [.toggleFullscreen])
        XCTAssertEqual(s, before)
        for a: Action in [.step(1), .nextInput, .nextFilter, .selectPreset(2), .speedUp, .togglePlay,
                          .tick(seconds: 0.1), .resetView, .dismissMessage] {
            XCTAssertEqual(s.update(a), [], "\(a)")
        }
    }
}
