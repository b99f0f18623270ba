/// Turns the contents of a tour file into a `Tour`, checking every field.
///
/// A tour file is one JSON object:
///
///     {
///       "name": "Edges",                       (optional)
///       "scenes": [
///         {"title": "Vertical edges", "text": "One or two sentences.", "seconds": 12,
///          "input": "face", "filter": "edge_v", "speed": 48, "hold": true},
///         {"title": "Now sideways", "text": "…", "seconds": 10, "filter": "edge_h"}
///       ]
///     }
///
/// Scene keys (`title` and `seconds` are required; `comment` is ignored anywhere):
///
/// | key | value | default |
/// | --- | --- | --- |
/// | `title`, `text` | the caption | `text`: none |
/// | `seconds` | how long the scene stays, more than 0 | — |
/// | `input` | a built-in image name | `face` |
/// | `shift` | `[down, right]`: move the input by whole cells, wrapping round | `[0, 0]` |
/// | `filter` | a preset name or weights like `"0,-1,0;-1,5,-1;0,-1,0"` | `edge_v` |
/// | `stride`, `dilation` | whole numbers, 1 or more | 1 |
/// | `padding` | `valid` or `same` | `valid` |
/// | `bias` | a number | 0 |
/// | `pool` | `max` or `avg` | `max` |
/// | `speed` | positions per second, 0.25 to 262144 | 8 |
/// | `position` | the scan position the scene starts at | 0 |
/// | `playing` | scan (true) or stand still (false) | true |
/// | `hold` | scan once and stop on the finished map, instead of starting over | false |
/// | `relu`, `progressive`, `numbers`, `grid` | the view switches | true |
///
/// A scene names only what changes: every key except `title`, `text`, `seconds`, `shift` and
/// `position` carries over from the scene before (the first scene starts from the defaults).
/// A scene of the trained network has keys of its own (`TourSpec+Network.swift`), which do not.
public enum TourSpec {
    public static let sceneKeys = [
        "title", "text", "seconds", "input", "shift", "filter", "stride", "dilation", "padding", "bias",
        "pool", "speed", "position", "playing", "hold", "relu", "progressive", "numbers", "grid",
    ] + networkKeys + ["comment"]
    static let topKeys = ["name", "scenes", "comment"]

    /// The tour a tour file describes; the first problem found is thrown as a `TourSpecError`.
    public static func tour(from value: TourValue) throws -> Tour {
        guard case let .object(top) = value else {
            throw TourSpecError("a tour is a JSON object with a \"scenes\" list, not \(value.kind)")
        }
        try checkKeys(top, known: topKeys, scene: nil)
        var name = "tour"
        if let v = top["name"] {
            guard case let .string(s) = v else { throw TourSpecError("\"name\" must be text, not \(v.kind)") }
            name = s
        }
        guard let list = top["scenes"] else { throw TourSpecError("the tour has no \"scenes\" list") }
        guard case let .array(items) = list else { throw TourSpecError("\"scenes\" must be a list, not \(list.kind)") }
        guard !items.isEmpty else { throw TourSpecError("the tour has no scenes: the \"scenes\" list is empty") }
        var carried = Carried()
        var scenes: [TourScene] = []
        for (i, item) in items.enumerated() {
            scenes.append(try scene(item, number: i + 1, carried: &carried))
        }
        return Tour(name: name, scenes: scenes)
    }

    /// What a scene inherits from the one before.
    struct Carried {
        var input = "face"
        var kernel = Kernel.preset(named: "edge_v")!
        var settings = ConvSettings()
        var speed = Clock.defaultSpeed
        var view = SceneView()
        var playing = true
        var hold = false
    }

    static func scene(_ value: TourValue, number: Int, carried c: inout Carried) throws -> TourScene {
        guard case let .object(dict) = value else {
            throw TourSpecError(scene: number, "a scene is an object like {\"title\": …, \"seconds\": …}, not \(value.kind)")
        }
        try checkKeys(dict, known: sceneKeys, scene: number)
        let f = Fields(dict: dict, scene: number)

        guard let title = try f.string("title") else { throw f.error("\"title\" is missing") }
        let text = try f.string("text") ?? ""
        guard let seconds = try f.number("seconds") else { throw f.error("\"seconds\" is missing") }
        guard seconds > 0, seconds.isFinite else { throw f.error("\"seconds\" must be more than 0 (got \(show(seconds)))") }

        if let input = try f.string("input") {
            guard BuiltinImages.named(input) != nil else {
                throw f.error("unknown input '\(Limits.quoted(input))' (built in: \(BuiltinImages.names.joined(separator: ", ")))")
            }
            c.input = input
        }
        var image = BuiltinImages.named(c.input)!
        if let shift = try f.wholeNumbers("shift", count: 2), shift != [0, 0] {
            image = NamedImage(name: "\(c.input), moved", grid: image.grid.shifted(rows: shift[0], cols: shift[1]))
        }
        if let filter = try f.string("filter") {
            do { c.kernel = try Kernel.named(filter) } catch { throw f.error("\(error)") }
        }
        if let s = try f.wholeNumber("stride", atLeast: 1, atMost: Limits.stride) { c.settings.stride = s }
        if let d = try f.wholeNumber("dilation", atLeast: 1, atMost: Limits.dilation) { c.settings.dilation = d }
        if let p = try f.choice("padding", Padding.self) { c.settings.padding = p }
        if let p = try f.choice("pool", PoolMode.self) { c.settings.pool = p }
        if let b = try f.number("bias") {
            guard Float(b).isFinite else { throw f.error("\"bias\" is too large (got \(show(b)))") }
            c.settings.bias = Float(b)
        }
        if let v = try f.number("speed") {
            guard v >= Clock.minSpeed, v <= Clock.maxSpeed else {
                throw f.error("\"speed\" must be from \(show(Clock.minSpeed)) to \(show(Clock.maxSpeed)) positions per second (got \(show(v)))")
            }
            c.speed = v
        }
        if let b = try f.bool("playing") { c.playing = b }
        if let b = try f.bool("hold") { c.hold = b }
        if let b = try f.bool("relu") { c.view.showRelu = b }
        if let b = try f.bool("progressive") { c.view.progressive = b }
        if let b = try f.bool("numbers") { c.view.showNumbers = b }
        if let b = try f.bool("grid") { c.view.showGrid = b }
        let position = try f.wholeNumber("position", atLeast: 0, atMost: Limits.outputPixels - 1) ?? 0
        let network = try TourSpec.network(f, seconds: seconds)

        let scene = TourScene(caption: Caption(title: title, text: text), seconds: seconds, image: image,
                              kernel: c.kernel, settings: c.settings, speed: c.speed, view: c.view,
                              position: position, playing: c.playing, hold: c.hold,
                              cues: network?.1 ?? [], network: network?.0)
        do {
            try scene.validate()
        } catch let e as TourSceneError {
            if case let .badPosition(p, last) = e {
                throw f.error("\"position\" \(p) is past the end of this scene's map (its last position is \(last))")
            }
            throw f.error("\(e)")
        } catch {
            throw f.error("\(error)")
        }
        return scene
    }

    static func checkKeys(_ dict: [String: TourValue], known: [String], scene: Int?) throws {
        // Sorted, so that the first unknown key reported is the same on every run.
        for key in dict.keys.sorted() where !known.contains(key) {
            throw TourSpecError(scene: scene, "unknown key \"\(Limits.quoted(key))\" (known: \(known.filter { $0 != "comment" }.joined(separator: ", ")))")
        }
    }

    /// A number as a person wrote it: `2`, not `2.0`.
    static func show(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int(v)) }
        return "\(v)"
    }

    /// One scene's fields, read with type checks that name the key and the scene.
    struct Fields {
        let dict: [String: TourValue]
        let scene: Int

        func error(_ message: String) -> TourSpecError { TourSpecError(scene: scene, message) }

        /// The value of `key`; nil when absent. `null` counts as absent.
        private func value(_ key: String) -> TourValue? {
            guard let v = dict[key], v != .null else { return nil }
            return v
        }

        func string(_ key: String) throws -> String? {
            guard let v = value(key) else { return nil }
            guard case let .string(s) = v else { throw error("\"\(key)\" must be text, not \(v.kind)") }
            return s
        }

        func number(_ key: String) throws -> Double? {
            guard let v = value(key) else { return nil }
            guard case let .number(n) = v else { throw error("\"\(key)\" must be a number, not \(v.kind)") }
            return n
        }

        func bool(_ key: String) throws -> Bool? {
            guard let v = value(key) else { return nil }
            guard case let .bool(b) = v else { throw error("\"\(key)\" must be true or false, not \(v.kind)") }
            return b
        }

        /// A whole number from `least` to `most`: the same limits as the command line (`Limits`).
        func wholeNumber(_ key: String, atLeast least: Int, atMost most: Int) throws -> Int? {
            guard let n = try number(key) else { return nil }
            guard let i = Int(exactly: n), i >= least else {
                throw error("\"\(key)\" must be a whole number, \(least) or more (got \(TourSpec.show(n)))")
            }
            guard i <= most else { throw error("\"\(key)\" \(TourSpec.show(n)) is more than the limit of \(most)") }
            return i
        }

        func wholeNumbers(_ key: String, count: Int) throws -> [Int]? {
            guard let v = value(key) else { return nil }
            let bad = error("\"\(key)\" must be a list of \(count) whole numbers, like [2, -3]")
            guard case let .array(items) = v, items.count == count else { throw bad }
            return try items.map { item -> Int in
                guard case let .number(n) = item, let i = Int(exactly: n), abs(i) <= 1 << 30 else { throw bad }
                return i
            }
        }

        func choice<T: RawRepresentable & CaseIterable>(_ key: String, _: T.Type) throws -> T? where T.RawValue == String {
            guard let s = try string(key) else { return nil }
            guard let c = T(rawValue: s) else {
                throw error("\"\(key)\" must be \(T.allCases.map(\.rawValue).joined(separator: " or ")) (got '\(Limits.quoted(s))')")
            }
            return c
        }
    }
}

/// A problem in a tour file, naming the scene (counted from 1) when it is in one.
public struct TourSpecError: Error, Equatable, CustomStringConvertible {
    public let scene: Int?
    public let message: String

    public init(scene: Int? = nil, _ message: String) {
        self.scene = scene
        self.message = message
    }

    /// One line: a key or value quoted from the file never breaks it (the fuzzer found an unknown
    /// key holding a line break).
    public var description: String { (scene.map { "scene \($0): \(message)" } ?? message).singleLine }
}
