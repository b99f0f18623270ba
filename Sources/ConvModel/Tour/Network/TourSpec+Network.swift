import ConvNet

/// The keys of a tour file's network scenes: the trained network in place of the hand-picked kernel.
///
/// | key | value | default |
/// | --- | --- | --- |
/// | `net` | `true`: a scene of the trained network (implied by every key below) | false |
/// | `test` | the test image shown, 0 to 9999 (modulo the test set's size: 100 without the data set) | 0 |
/// | `canvas` | `true`: a black 28×28 canvas in paint mode instead of a test image | false |
/// | `brush` | the brush's side on the canvas, 1 to 3 | 1 |
/// | `strokes` | at most 200 strokes painted on the canvas: `{"at": s, "from": [row, col], "to": [row, col], "value": v}`, `at` within the scene, cells 0 to 27, `value` 0 (black) to 1 (white), 1 when not given | none |
/// | `stage` | a stage view in place of the panels: conv1, relu1, pool1, conv2, relu2, pool2, flatten, dense, softmax | the panels |
/// | `learned_filter` | the learned first-layer filter in the panels, from 1 (past the network's last, its last) | 1 |
/// | `learn` | the learn view, training this many batches per second of the scene, 1 to 100 | none |
/// | `learn_pictures` | with `learn`: how many times a second the training shows a new picture, 1 to 30 | 5 |
/// | `seed` | with `learn`: the seed of the He-normal start, 0 to 4294967295 | 0 |
///
/// Unlike the other keys, these do not carry over: each network scene names what it shows.
extension TourSpec {
    static let networkKeys = ["net", "test", "canvas", "brush", "strokes", "stage", "learned_filter", "learn",
                              "learn_pictures", "seed"]
    /// The most strokes a scene paints.
    public static let maxStrokes = 200

    /// The scene's network settings; nil when none of the network keys is given (or `net` is false alone).
    static func network(_ f: Fields, seconds: Double) throws -> (NetworkScene, [TourCue])? {
        let given = networkKeys.filter { f.dict[$0] != nil && f.dict[$0] != .null }
        guard !given.isEmpty else { return nil }
        if try f.bool("net") == false {
            guard given == ["net"] else {
                throw f.error("\"net\" is false, but \"\(given.first { $0 != "net" }!)\" goes with the network only")
            }
            return nil
        }
        var scene = NetworkScene()
        let canvas = try f.bool("canvas") ?? false
        if let t = try f.wholeNumber("test", atLeast: 0, atMost: NetworkScene.maxTestIndex) {
            guard !canvas else { throw f.error("\"test\" and \"canvas\" do not go together: a scene shows one input") }
            scene.input = .test(t)
        }
        if canvas { scene.input = .canvas }
        if let b = try f.wholeNumber("brush", atLeast: InputPainter.brushSizes.lowerBound, atMost: InputPainter.brushSizes.upperBound) {
            guard canvas else { throw f.error("\"brush\" goes with \"canvas\": true") }
            scene.brush = b
        }
        if let name = try f.string("stage") {
            guard let i = NetStages.index(named: name), i != NetStages.input else {
                throw f.error("unknown stage '\(Limits.quoted(name))' (\(NetStages.names.dropFirst().joined(separator: ", ")))")
            }
            scene.stage = i
        }
        if let n = try f.wholeNumber("learned_filter", atLeast: 1, atMost: NetworkScene.maxFilters) { scene.filter = n - 1 }
        let rate = try f.wholeNumber("learn", atLeast: NetworkScene.batchesPerSecondRange.lowerBound,
                                     atMost: NetworkScene.batchesPerSecondRange.upperBound)
        let pictures = try f.wholeNumber("learn_pictures", atLeast: NetworkScene.updatesPerSecondRange.lowerBound,
                                         atMost: NetworkScene.updatesPerSecondRange.upperBound)
        let seed = try f.wholeNumber("seed", atLeast: 0, atMost: Int(UInt32.max))
        if let rate {
            guard !canvas, scene.stage == nil else { throw f.error("\"learn\" shows the learn view: it goes without \"canvas\" and \"stage\"") }
            scene.learning = NetworkScene.Learning(seed: UInt64(seed ?? 0), batchesPerSecond: rate, updatesPerSecond: pictures ?? 5)
        } else if pictures != nil || seed != nil {
            throw f.error("\"\(pictures != nil ? "learn_pictures" : "seed")\" goes with \"learn\"")
        }
        if given.contains("strokes"), !canvas { throw f.error("\"strokes\" go with \"canvas\": true") }
        return (scene, try strokes(f, seconds: seconds))
    }

    /// The `strokes` list as cues, each checked (the count before anything is built).
    private static func strokes(_ f: Fields, seconds: Double) throws -> [TourCue] {
        guard let v = f.dict["strokes"], v != .null else { return [] }
        guard case let .array(items) = v else { throw f.error("\"strokes\" must be a list, not \(v.kind)") }
        guard items.count <= maxStrokes else { throw f.error("\"strokes\" holds \(items.count) strokes: at most \(maxStrokes)") }
        let side = NetShape.side
        return try items.enumerated().map { n, item in
            let what = "stroke \(n + 1)"
            guard case let .object(dict) = item else {
                throw f.error("\(what) must be an object like {\"at\": 2, \"from\": [3, 4], \"to\": [20, 4]}, not \(item.kind)")
            }
            for key in dict.keys.sorted() where !["at", "from", "to", "value", "comment"].contains(key) {
                throw f.error("\(what): unknown key \"\(Limits.quoted(key))\" (known: at, from, to, value)")
            }
            let s = Fields(dict: dict, scene: f.scene)
            guard let at = try s.number("at") else { throw f.error("\(what): \"at\" is missing") }
            guard at >= 0, at <= seconds else {
                throw f.error("\(what): \"at\" must be from 0 to the scene's \(show(seconds)) seconds (got \(show(at)))")
            }
            guard let from = try s.wholeNumbers("from", count: 2), let to = try s.wholeNumbers("to", count: 2) else {
                throw f.error("\(what): \"from\" and \"to\" are both needed, as [row, column]")
            }
            for cell in [from, to] where !cell.allSatisfy({ (0..<side).contains($0) }) {
                throw f.error("\(what): cell [\(cell[0]), \(cell[1])] is off the \(side)×\(side) canvas (rows and columns 0 to \(side - 1))")
            }
            let value = try s.number("value") ?? 1
            guard (0...1).contains(value) else { throw f.error("\(what): \"value\" must be from 0 to 1 (got \(show(value)))") }
            return TourCue(at: at, [.paintStroke(fromRow: from[0], fromCol: from[1], toRow: to[0], toCol: to[1], value: Float(value))])
        }
    }
}
