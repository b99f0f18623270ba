import Foundation
import XCTest
import ConvModel

/// Tour files' network scenes: the keys, what they make, and a one-line error for every bad value.
final class TourSpecNetworkTests: XCTestCase {
    private func tour(scenes: [String]) throws -> Tour {
        let json = "{\"scenes\": [" + scenes.map { "{\($0)}" }.joined(separator: ",") + "]}"
        return try TourSpec.tour(from: JSONDecoder().decode(TourValue.self, from: Data(json.utf8)))
    }

    private func assertError(_ scene: String, _ message: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try tour(scenes: [scene]), file: file, line: line) {
            XCTAssertEqual("\($0)", "scene 1: " + message, file: file, line: line)
        }
    }

    private let ok = "\"title\": \"t\", \"seconds\": 10"

    func testAnOrdinarySceneHasNoNetwork() throws {
        XCTAssertNil(try tour(scenes: [ok]).scenes[0].network)
        XCTAssertNil(try tour(scenes: [ok + #", "net": false"#]).scenes[0].network)
    }

    func testEveryNetworkKeyIsRead() throws {
        let t = try tour(scenes: [
            ok + #", "net": true"#,
            ok + #", "test": 17, "stage": "pool2", "learned_filter": 4"#,
            ok + #", "learn": 12, "learn_pictures": 4, "seed": 9"#,
            ok + #", "canvas": true, "brush": 2, "strokes": [{"at": 1.5, "from": [0, 1], "to": [27, 26], "value": 0.5}, {"at": 2, "from": [3, 3], "to": [3, 3]}]"#,
        ])
        XCTAssertEqual(t.scenes[0].network, NetworkScene())
        XCTAssertEqual(t.scenes[1].network, NetworkScene(input: .test(17), filter: 3, stage: NetStages.pool2))
        XCTAssertEqual(t.scenes[2].network, NetworkScene(learning: .init(seed: 9, batchesPerSecond: 12, updatesPerSecond: 4)))
        XCTAssertEqual(t.scenes[3].network, NetworkScene(input: .canvas, brush: 2))
        XCTAssertEqual(t.scenes[3].cues, [
            TourCue(at: 1.5, [.paintStroke(fromRow: 0, fromCol: 1, toRow: 27, toCol: 26, value: 0.5)]),
            TourCue(at: 2, [.paintStroke(fromRow: 3, fromCol: 3, toRow: 3, toCol: 3, value: 1)]),
        ])
        XCTAssertEqual(t.scenes[2].timeline.count, 39, "bursts at 0.25 s … 9.75 s")
    }

    func testANetworkScenesPositionCountsOnTheNetworksMap() throws {
        // The default input (face, 24×24) has 22×22 = 484 positions; the network's 3×3 filter
        // over 28×28 has 26×26 = 676, the last being 675.
        XCTAssertEqual(try tour(scenes: [ok + #", "net": true, "position": 600"#]).scenes[0].position, 600)
        assertError(ok + #", "position": 600"#, "\"position\" 600 is past the end of this scene's map (its last position is 483)")
        assertError(ok + #", "net": true, "position": 676"#, "\"position\" 676 is past the end of this scene's map (its last position is 675)")
        let held = try tour(scenes: [ok + #", "net": true, "hold": true, "speed": 100"#]).scenes[0]
        XCTAssertEqual(held.holdTime, 6.75, "675 steps at 100 a second")
    }

    func testNetworkKeysDoNotCarryOver() throws {
        let t = try tour(scenes: [ok + #", "stage": "dense""#, ok])
        XCTAssertNil(t.scenes[1].network)
    }

    func testTheSampleNetworkTourIsValid() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("resources/tours/network.json")
        let t = try TourSpec.tour(from: JSONDecoder().decode(TourValue.self, from: Data(contentsOf: url)))
        XCTAssertEqual(t.scenes.compactMap(\.network).count, t.scenes.count)
        for scene in t.scenes { XCTAssertNoThrow(try scene.validate()) }
    }

    func testBadValuesAreOneLine() {
        assertError(ok + #", "net": false, "test": 2"#, "\"net\" is false, but \"test\" goes with the network only")
        assertError(ok + #", "test": 10000"#, "\"test\" 10000 is more than the limit of 9999")
        assertError(ok + #", "test": -1"#, "\"test\" must be a whole number, 0 or more (got -1)")
        assertError(ok + #", "test": 2, "canvas": true"#, "\"test\" and \"canvas\" do not go together: a scene shows one input")
        assertError(ok + #", "stage": "input""#,
                    "unknown stage 'input' (conv1, relu1, pool1, conv2, relu2, pool2, flatten, dense, softmax)")
        assertError(ok + #", "stage": "pool3""#,
                    "unknown stage 'pool3' (conv1, relu1, pool1, conv2, relu2, pool2, flatten, dense, softmax)")
        assertError(ok + #", "learned_filter": 0"#, "\"learned_filter\" must be a whole number, 1 or more (got 0)")
        assertError(ok + #", "learned_filter": 65"#, "\"learned_filter\" 65 is more than the limit of 64")
        assertError(ok + #", "brush": 2"#, "\"brush\" goes with \"canvas\": true")
        assertError(ok + #", "canvas": true, "brush": 4"#, "\"brush\" 4 is more than the limit of 3")
        assertError(ok + #", "learn": 0"#, "\"learn\" must be a whole number, 1 or more (got 0)")
        assertError(ok + #", "learn": 101"#, "\"learn\" 101 is more than the limit of 100")
        assertError(ok + #", "learn": 10, "learn_pictures": 31"#, "\"learn_pictures\" 31 is more than the limit of 30")
        assertError(ok + #", "seed": 3"#, "\"seed\" goes with \"learn\"")
        assertError(ok + #", "learn": 10, "stage": "dense""#, "\"learn\" shows the learn view: it goes without \"canvas\" and \"stage\"")
        assertError(ok + #", "strokes": []"#, "\"strokes\" go with \"canvas\": true")
        assertError(ok + #", "canvas": true, "strokes": 3"#, "\"strokes\" must be a list, not a number")
    }

    func testBadStrokesAreOneLine() {
        let c = ok + #", "canvas": true, "strokes": "#
        assertError(c + "[5]", "stroke 1 must be an object like {\"at\": 2, \"from\": [3, 4], \"to\": [20, 4]}, not a number")
        assertError(c + #"[{"from": [1, 1], "to": [2, 2]}]"#, "stroke 1: \"at\" is missing")
        assertError(c + #"[{"at": 11, "from": [1, 1], "to": [2, 2]}]"#, "stroke 1: \"at\" must be from 0 to the scene's 10 seconds (got 11)")
        assertError(c + #"[{"at": 1, "from": [1, 1]}]"#, "stroke 1: \"from\" and \"to\" are both needed, as [row, column]")
        assertError(c + #"[{"at": 1, "from": [1, 1], "to": [28, 2]}]"#,
                    "stroke 1: cell [28, 2] is off the 28×28 canvas (rows and columns 0 to 27)")
        assertError(c + #"[{"at": 1, "from": [1, 1], "to": [2, 2], "value": 2}]"#, "stroke 1: \"value\" must be from 0 to 1 (got 2)")
        assertError(c + #"[{"at": 1, "from": [1, 1], "to": [2, 2], "colour": 2}]"#,
                    "stroke 1: unknown key \"colour\" (known: at, from, to, value)")
        let many = "[" + Array(repeating: #"{"at": 1, "from": [1, 1], "to": [2, 2]}"#, count: 201).joined(separator: ",") + "]"
        assertError(c + many, "\"strokes\" holds 201 strokes: at most 200")
    }
}
