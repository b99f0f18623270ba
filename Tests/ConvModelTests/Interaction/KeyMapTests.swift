import XCTest
import ConvModel

final class KeyMapTests: XCTestCase {
    /// Every help line is either a key the table has or a mouse gesture, and every key in the
    /// table is listed by some help line: the help overlay and the keyboard cannot drift apart.
    func testHelpAndTableMatch() {
        let helpLines = Set(KeyBindings.all.map(\.keys))
        let covered = Set(KeyMap.commands.map(\.help)).union(KeyMap.pointerHelp)
        XCTAssertEqual(helpLines.subtracting(covered), [], "help lines with no key in the table")
        XCTAssertEqual(covered.subtracting(helpLines), [], "table entries that the help does not list")
    }

    func testNoChordIsBoundTwice() {
        var seen: [String: Action] = [:]
        for c in KeyMap.commands {
            let chord = "\(c.modifiers.rawValue)+\(c.key)"
            XCTAssertNil(seen[chord], "\(chord) bound twice")
            seen[chord] = c.action
        }
    }

    func testDesignKeys() {
        let cases: [(String, KeyModifiers, Action)] = [
            ("space", [], .togglePlay),
            ("Right", [], .step(1)), ("Left", [], .step(-1)),
            ("Right", .shift, .stepRow(1)), ("Left", .shift, .stepRow(-1)),
            ("Home", [], .seekFirst), ("End", [], .seekLast),
            ("plus", [], .speedUp), ("minus", [], .speedDown),
            ("i", [], .nextInput), ("I", [], .previousInput),
            ("f", [], .nextFilter), ("F", [], .previousFilter),
            ("1", [], .selectPreset(0)), ("9", [], .selectPreset(8)),
            ("r", [], .toggleRelu), ("n", [], .toggleNumbers), ("g", [], .toggleGrid),
            ("p", [], .toggleProgressive), ("0", [], .resetView), ("s", [], .saveScreenshot),
            ("F11", [], .toggleFullscreen), ("h", [], .toggleHelp), ("question", [], .toggleHelp),
            ("q", [], .askToQuit), ("Escape", [], .escape),
        ]
        for (key, mods, action) in cases {
            XCTAssertEqual(KeyMap.action(key: key, modifiers: mods), action, "\(key) with \(mods.rawValue)")
        }
    }

    /// Control and Alt make a different chord: Ctrl+Q is not q.
    func testOtherModifiersDoNotMatch() {
        XCTAssertNil(KeyMap.action(key: "q", modifiers: .control))
        XCTAssertNil(KeyMap.action(key: "space", modifiers: .alt))
        XCTAssertNil(KeyMap.action(key: "Home", modifiers: .shift))
        XCTAssertNil(KeyMap.action(key: "j", modifiers: []))
    }

    /// Each digit picks the preset of that number, and only presets that exist.
    func testDigitsSelectExistingPresets() {
        for d in 1...9 {
            guard case let .selectPreset(i)? = KeyMap.action(key: String(d), modifiers: []) else {
                return XCTFail("digit \(d) has no preset action")
            }
            XCTAssertEqual(i, d - 1)
            XCTAssertTrue(Kernel.presets.indices.contains(i), "digit \(d) names no preset")
        }
    }
}
