import XCTest
import ConvModel

/// The keys whose meaning depends on the state: a selected weight, a paused scan.
final class KeyMapModesTests: XCTestCase {
    private func state(playing: Bool) throws -> AppState {
        try AppState(image: BuiltinImages.named("face")!, kernel: Kernel.preset(named: "sharpen")!, playing: playing)
    }

    private func key(_ name: String, _ mods: KeyModifiers = [], in s: AppState) -> Action? {
        KeyMap.action(key: name, modifiers: mods, in: s)
    }

    /// Every mode key is listed by a help line, and no mode binds a chord twice.
    func testModeKeysAreInTheHelp() {
        let help = Set(KeyBindings.all.map(\.keys))
        for mode in KeyMode.allCases {
            let table = KeyMap.modeCommands[mode] ?? []
            XCTAssertFalse(table.isEmpty)
            var seen = Set<String>()
            for c in table {
                XCTAssertTrue(help.contains(c.help), "\(c.key): help line '\(c.help)' missing")
                XCTAssertTrue(seen.insert("\(c.modifiers.rawValue)+\(c.key)").inserted, "\(c.key) bound twice in \(mode)")
            }
        }
        XCTAssertEqual(KeyMap.allCommands.count,
                       KeyMap.commands.count + KeyMode.allCases.reduce(0) { $0 + (KeyMap.modeCommands[$1]?.count ?? 0) })
    }

    func testNewKeys() throws {
        let s = try state(playing: true)
        let cases: [(String, KeyModifiers, Action)] = [
            ("e", [], .togglePaintMode), ("bracketleft", [], .changeBrush(-1)), ("bracketright", [], .changeBrush(1)),
            ("c", [], .clearCanvas), ("k", [], .cycleKernelSize), ("d", [], .cycleDilation), ("x", [], .toggleFlip),
            ("o", [], .toggleCode), ("t", [], .toggleTour), ("Return", [], .commitTypedWeight),
            ("BackSpace", [], .eraseTypedCharacter), ("Delete", [], .zeroWeight),
            ("Up", [], .stepRow(-1)), ("Down", [], .stepRow(1)),
        ]
        for (name, mods, action) in cases {
            XCTAssertEqual(key(name, mods, in: s), action, name)
            XCTAssertEqual(KeyMap.action(key: name, modifiers: mods), action, name)
        }
    }

    /// Playing: Shift+arrows step rows, as before. Paused: they move the input.
    func testShiftArrows() throws {
        let playing = try state(playing: true)
        XCTAssertEqual(key("Right", .shift, in: playing), .stepRow(1))
        XCTAssertEqual(key("Left", .shift, in: playing), .stepRow(-1))
        XCTAssertEqual(key("Down", .shift, in: playing), .stepRow(1))
        XCTAssertEqual(key("Up", .shift, in: playing), .stepRow(-1))
        let paused = try state(playing: false)
        XCTAssertEqual(key("Right", .shift, in: paused), .shiftInput(rows: 0, cols: 1))
        XCTAssertEqual(key("Left", .shift, in: paused), .shiftInput(rows: 0, cols: -1))
        XCTAssertEqual(key("Down", .shift, in: paused), .shiftInput(rows: 1, cols: 0))
        XCTAssertEqual(key("Up", .shift, in: paused), .shiftInput(rows: -1, cols: 0))
        XCTAssertEqual(key("Right", in: paused), .step(1), "plain arrows still step")
        XCTAssertEqual(key("Down", in: paused), .stepRow(1))
    }

    /// With a weight selected, ↑/↓ change it, digits and `-` `.` type; without one they are the
    /// usual keys. Esc is the same key in both: it closes the topmost thing.
    func testWeightSelectedKeys() throws {
        var s = try state(playing: false)
        XCTAssertEqual(key("3", in: s), .selectPreset(2))
        XCTAssertEqual(key("minus", in: s), .speedDown)
        XCTAssertEqual(key("Escape", in: s), .escape)
        XCTAssertEqual(key("0", in: s), .resetView)
        s.update(.selectWeight(row: 1, col: 1))
        XCTAssertEqual(key("Up", in: s), .nudgeWeight(steps: 1, coarse: false))
        XCTAssertEqual(key("Down", in: s), .nudgeWeight(steps: -1, coarse: false))
        XCTAssertEqual(key("Up", .shift, in: s), .nudgeWeight(steps: 1, coarse: true))
        XCTAssertEqual(key("Down", .shift, in: s), .nudgeWeight(steps: -1, coarse: true))
        XCTAssertEqual(key("3", in: s), .typeWeightCharacter("3"))
        XCTAssertEqual(key("0", in: s), .typeWeightCharacter("0"))
        XCTAssertEqual(key("KP_7", in: s), .typeWeightCharacter("7"))
        XCTAssertEqual(key("minus", in: s), .typeWeightCharacter("-"))
        XCTAssertEqual(key("period", in: s), .typeWeightCharacter("."))
        XCTAssertEqual(key("Escape", in: s), .escape)
        XCTAssertEqual(key("Right", .shift, in: s), .shiftInput(rows: 0, cols: 1), "paused: still moves the input")
        XCTAssertEqual(key("space", in: s), .togglePlay)
    }

    /// Typing a weight with the keyboard, key by key, as the window would.
    func testTypingAWeightThroughTheKeyMap() throws {
        var s = try state(playing: false)
        s.update(.selectWeight(row: 0, col: 0))
        for name in ["minus", "1", "period", "5", "Return"] {
            let action = try XCTUnwrap(key(name, in: s), name)
            s.update(action)
        }
        XCTAssertEqual(s.kernel[0, 0], -1.5)
        s.update(try XCTUnwrap(key("Up", .shift, in: s)))
        XCTAssertEqual(s.kernel[0, 0], -0.5)
        s.update(try XCTUnwrap(key("Delete", in: s)))
        XCTAssertEqual(s.kernel[0, 0], 0)
        s.update(try XCTUnwrap(key("Escape", in: s)))
        XCTAssertNil(s.kernelEditor.selected)
        XCTAssertNil(s.escapeTarget, "nothing left open: the next Esc quits (after asking: the kernel was edited)")
        XCTAssertEqual(s.update(try XCTUnwrap(key("Escape", in: s))), [])
        XCTAssertEqual(s.update(try XCTUnwrap(key("Escape", in: s))), [.quit])
    }
}
