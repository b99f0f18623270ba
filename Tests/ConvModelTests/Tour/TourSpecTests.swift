import Foundation
import XCTest
import ConvModel

/// Tour files: the JSON text, decoded to a `TourValue` as the executable does, then `TourSpec`.
final class TourSpecTests: XCTestCase {
    private func tour(_ json: String) throws -> Tour {
        try TourSpec.tour(from: JSONDecoder().decode(TourValue.self, from: Data(json.utf8)))
    }

    /// A tour file with these scene objects (written without their braces).
    private func tour(scenes: [String]) throws -> Tour {
        try tour("{\"scenes\": [" + scenes.map { "{\($0)}" }.joined(separator: ",") + "]}")
    }

    /// Asserts that the tour file fails with exactly `message`.
    private func assertError(_ json: String, _ message: String, file: StaticString = #filePath, line: UInt = #line) {
        do {
            _ = try tour(json)
            XCTFail("no error, expected: \(message)", file: file, line: line)
        } catch let e as TourSpecError {
            XCTAssertEqual(e.description, message, file: file, line: line)
            XCTAssertFalse(e.description.contains("\n"), "one line", file: file, line: line)
        } catch {
            XCTFail("\(error)", file: file, line: line)
        }
    }

    private func assertError(scenes: [String], _ message: String, file: StaticString = #filePath, line: UInt = #line) {
        assertError("{\"scenes\": [" + scenes.map { "{\($0)}" }.joined(separator: ",") + "]}", message, file: file, line: line)
    }

    private let ok = "\"title\": \"t\", \"seconds\": 10"

    // MARK: decoding

    func testJSONDecodesToValuesOfTheRightKind() throws {
        let v = try JSONDecoder().decode(TourValue.self, from: Data(#"{"a": [1, 2.5, true, false, null, "x", {}]}"#.utf8))
        XCTAssertEqual(v, .object(["a": .array([.number(1), .number(2.5), .bool(true), .bool(false), .null, .string("x"), .object([:])])]))
    }

    // MARK: reading scenes

    func testAMinimalSceneTakesTheDefaults() throws {
        let t = try tour(scenes: [ok])
        XCTAssertEqual(t.scenes.count, 1)
        let s = t.scenes[0]
        XCTAssertEqual(s.caption, Caption(title: "t", text: ""))
        XCTAssertEqual(s.seconds, 10)
        XCTAssertEqual(s.image, BuiltinImages.named("face"))
        XCTAssertEqual(s.kernel, Kernel.preset(named: "edge_v"))
        XCTAssertEqual(s.settings, ConvSettings())
        XCTAssertEqual(s.speed, Clock.defaultSpeed)
        XCTAssertEqual(s.view, SceneView())
        XCTAssertEqual(s.position, 0)
        XCTAssertTrue(s.playing)
        XCTAssertFalse(s.hold)
        XCTAssertEqual(t.name, "tour")
    }

    func testEveryKeyIsRead() throws {
        let t = try tour(#"""
        {"name": "mine", "comment": "ignored", "scenes": [{
          "title": "T", "text": "Words.", "seconds": 12.5, "input": "cross", "shift": [1, -2],
          "filter": "0,-1,0;-1,5,-1;0,-1,0", "stride": 2, "dilation": 2, "padding": "same", "bias": -0.5,
          "pool": "avg", "speed": 30, "position": 7, "playing": false, "hold": true,
          "relu": false, "progressive": false, "numbers": false, "grid": false, "comment": "also ignored"
        }]}
        """#)
        XCTAssertEqual(t.name, "mine")
        let s = t.scenes[0]
        XCTAssertEqual(s.caption, Caption(title: "T", text: "Words."))
        XCTAssertEqual(s.seconds, 12.5)
        XCTAssertEqual(s.image.name, "cross, moved")
        XCTAssertEqual(s.image.grid, BuiltinImages.named("cross")!.grid.shifted(rows: 1, cols: -2))
        XCTAssertEqual(s.kernel.weights, [0, -1, 0, -1, 5, -1, 0, -1, 0])
        XCTAssertEqual(s.settings, ConvSettings(stride: 2, padding: .same, bias: -0.5, dilation: 2, pool: .avg))
        XCTAssertEqual(s.speed, 30)
        XCTAssertEqual(s.position, 7)
        XCTAssertFalse(s.playing)
        XCTAssertTrue(s.hold)
        XCTAssertEqual(s.view, SceneView(showRelu: false, progressive: false, showNumbers: false, showGrid: false))
    }

    /// A scene names only what changes; caption, time, position and shift are its own.
    func testScenesCarryOverWhatTheyDoNotSay() throws {
        let t = try tour(scenes: [
            ok + #", "input": "diag", "filter": "blur", "stride": 2, "speed": 20, "relu": false, "position": 5, "shift": [1, 1]"#,
            #""title": "u", "seconds": 3"#,
        ])
        let (a, b) = (t.scenes[0], t.scenes[1])
        XCTAssertEqual(b.image, BuiltinImages.named("diag"), "input carried, shift not")
        XCTAssertEqual(b.kernel, a.kernel)
        XCTAssertEqual(b.settings, a.settings)
        XCTAssertEqual(b.speed, 20)
        XCTAssertFalse(b.view.showRelu)
        XCTAssertEqual(b.position, 0)
        XCTAssertEqual(b.caption, Caption(title: "u", text: ""))
        XCTAssertEqual(b.seconds, 3)
    }

    func testNullMeansNotGiven() throws {
        XCTAssertEqual(try tour(scenes: [ok + #", "input": null"#]).scenes[0].image.name, "face")
    }

    func testTheExampleFileIsAValidTour() throws {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("resources/tours/example.json")
        let t = try TourSpec.tour(from: JSONDecoder().decode(TourValue.self, from: Data(contentsOf: url)))
        XCTAssertGreaterThanOrEqual(t.scenes.count, 3)
        for s in t.scenes { XCTAssertNoThrow(try s.validate()) }
    }

    // MARK: errors, one line each, naming the scene

    func testTheFileAsAWhole() {
        assertError("[1, 2]", "a tour is a JSON object with a \"scenes\" list, not a list")
        assertError("{}", "the tour has no \"scenes\" list")
        assertError(#"{"scenes": {}}"#, "\"scenes\" must be a list, not an object")
        assertError(#"{"scenes": []}"#, "the tour has no scenes: the \"scenes\" list is empty")
        assertError(#"{"scenes": [], "titel": 1}"#, "unknown key \"titel\" (known: name, scenes)")
        assertError(#"{"name": 3, "scenes": []}"#, "\"name\" must be text, not a number")
    }

    func testASceneThatIsNotAnObject() {
        assertError(#"{"scenes": [{"title": "t", "seconds": 1}, 5]}"#,
                    "scene 2: a scene is an object like {\"title\": …, \"seconds\": …}, not a number")
    }

    func testMissingOrMistypedKeys() {
        assertError(scenes: [#""seconds": 10"#], "scene 1: \"title\" is missing")
        assertError(scenes: [ok, #""title": "t""#], "scene 2: \"seconds\" is missing")
        assertError(scenes: [#""title": "t", "seconds": "10""#], "scene 1: \"seconds\" must be a number, not text")
        assertError(scenes: [ok + #", "relu": 1"#], "scene 1: \"relu\" must be true or false, not a number")
        assertError(scenes: [ok + #", "input": 3"#], "scene 1: \"input\" must be text, not a number")
        assertError(scenes: [ok + #", "sped": 3"#], "scene 1: unknown key \"sped\" (known: "
                        + TourSpec.sceneKeys.filter { $0 != "comment" }.joined(separator: ", ") + ")")
    }

    func testBadSeconds() {
        assertError(scenes: [ok, #""title": "t", "seconds": 0"#], "scene 2: \"seconds\" must be more than 0 (got 0)")
        assertError(scenes: [#""title": "t", "seconds": -2.5"#], "scene 1: \"seconds\" must be more than 0 (got -2.5)")
    }

    func testBadWholeNumbers() {
        assertError(scenes: [ok + #", "stride": 0"#], "scene 1: \"stride\" must be a whole number, 1 or more (got 0)")
        assertError(scenes: [ok + #", "stride": 1.5"#], "scene 1: \"stride\" must be a whole number, 1 or more (got 1.5)")
        assertError(scenes: [ok + #", "dilation": -1"#], "scene 1: \"dilation\" must be a whole number, 1 or more (got -1)")
        assertError(scenes: [ok + #", "position": -1"#], "scene 1: \"position\" must be a whole number, 0 or more (got -1)")
        assertError(scenes: [ok + #", "shift": [1]"#], "scene 1: \"shift\" must be a list of 2 whole numbers, like [2, -3]")
        assertError(scenes: [ok + #", "shift": [1, 0.5]"#], "scene 1: \"shift\" must be a list of 2 whole numbers, like [2, -3]")
    }

    func testBadRanges() {
        assertError(scenes: [ok + #", "speed": 0"#],
                    "scene 1: \"speed\" must be from 0.25 to 262144 positions per second (got 0)")
        assertError(scenes: [ok + #", "speed": 300000"#],
                    "scene 1: \"speed\" must be from 0.25 to 262144 positions per second (got 300000)")
        assertError(scenes: [ok + #", "bias": 1e300"#], "scene 1: \"bias\" is too large (got 1e+300)")
        assertError(scenes: [ok + #", "position": 484"#],
                    "scene 1: \"position\" 484 is past the end of this scene's map (its last position is 483)")
    }

    func testUnknownNames() {
        assertError(scenes: [ok, ok + #", "input": "fce""#],
                    "scene 2: unknown input 'fce' (built in: \(BuiltinImages.names.joined(separator: ", ")))")
        assertError(scenes: [ok + #", "filter": "edge""#],
                    "scene 1: unknown filter 'edge' (known: \(Kernel.presets.map(\.name).joined(separator: ", ")), or weights like \"0,-1,0;-1,5,-1;0,-1,0\")")
        assertError(scenes: [ok + #", "filter": "1,2;3,4""#], "scene 1: kernel is 2×2: its side must be odd (1, 3, 5 or 7)")
        assertError(scenes: [ok + #", "padding": "full""#], "scene 1: \"padding\" must be valid or same (got 'full')")
        assertError(scenes: [ok + #", "pool": "min""#], "scene 1: \"pool\" must be max or avg (got 'min')")
    }

    func testAKernelThatLeavesNoOutput() {
        // A 7×7 kernel with taps 5 apart spans 31 pixels: more than the 24 of the face.
        assertError(scenes: [ok + #", "filter": "0,0,0,0,0,0,0;0,0,0,0,0,0,0;0,0,0,0,0,0,0;0,0,0,1,0,0,0;0,0,0,0,0,0,0;0,0,0,0,0,0,0;0,0,0,0,0,0,0", "dilation": 5"#],
                    "scene 1: a 7×7 kernel with stride 1, valid padding, dilation 5 leaves no output on a 24×24 input")
    }

    /// The format used to accept dilations up to 2^30; with `same` padding the kiosk then tried to
    /// allocate hundreds of GB and aborted. The tour file has the command line's limits.
    func testTourValuesHaveTheCommandLinesLimits() throws {
        assertError(scenes: [ok + #", "dilation": 1073741824, "padding": "same""#],
                    "scene 1: \"dilation\" 1073741824 is more than the limit of 1024")
        assertError(scenes: [ok + #", "stride": 40000"#], "scene 1: \"stride\" 40000 is more than the limit of 32767")
        let t = try tour(scenes: [ok + #", "dilation": 1024, "padding": "same""#])
        XCTAssertEqual(t.scenes[0].settings.dilation, 1024)
    }

    /// Found by the tour fuzz target: a key with a line break in it broke the one-line message.
    func testAnUnknownKeyWithALineBreakStaysOneLine() {
        XCTAssertThrowsError(try tour(scenes: [ok + #", "comme\nt": 1"#])) {
            XCTAssertTrue("\($0)".hasPrefix("scene 1: unknown key \"comme?t\" (known: title,"), "\($0)")
            XCTAssertFalse("\($0)".contains("\n"))
        }
    }

    /// The first problem is reported, and always the same one: keys are checked in sorted order.
    func testTheFirstUnknownKeyIsReportedDeterministically() {
        for _ in 0..<5 {
            assertError(scenes: [ok + #", "zz": 1, "aa": 2, "mm": 3"#], "scene 1: unknown key \"aa\" (known: "
                            + TourSpec.sceneKeys.filter { $0 != "comment" }.joined(separator: ", ") + ")")
        }
    }
}
