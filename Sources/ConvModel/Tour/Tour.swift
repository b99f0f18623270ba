import ConvNet

/// A guided tour: scenes shown one after another, each setting up the model and explaining it.
///
///     var state = try AppState(image: BuiltinImages.named("face")!, kernel: Kernel.preset(named: "edge_v")!)
///     state.update(.startTour(Tour.builtin, loop: true))
///     state.update(.tick(seconds: 1.0 / 30))   // the tour moves on with the clock
///
/// A tour is plain data; `TourPlayer` walks it in time, and `AppState` applies what it says.
public struct Tour: Equatable, Sendable {
    /// A name for the status line or a file's own title; the built-in tour is "built-in".
    public var name: String
    public var scenes: [TourScene]

    public init(name: String, scenes: [TourScene]) {
        self.name = name
        self.scenes = scenes
    }

    /// Seconds from the start of the first scene to the end of the last: how long `record --tour` runs.
    public var duration: Double { scenes.reduce(0) { $0 + $1.seconds } }

    /// Seconds from the start of the tour to the start of scene `index`.
    public func startTime(ofScene index: Int) -> Double {
        scenes.prefix(max(0, index)).reduce(0) { $0 + $1.seconds }
    }
}

/// One scene of a tour: what goes in, which kernel, how it slides and is shown, what the caption
/// says, and for how long.
///
/// When a scene starts, everything it names is set, so a scene looks the same whatever the visitor
/// did before it. Theme, UI scale and help are the viewer's own and are left alone.
public struct TourScene: Equatable, Sendable {
    public var caption: Caption
    /// How long the scene stays, in seconds (more than 0).
    public var seconds: Double
    public var image: NamedImage
    public var kernel: Kernel
    public var settings: ConvSettings
    /// Scan speed, positions per second.
    public var speed: Double
    public var view: SceneView
    /// The scan position the scene starts at.
    public var position: Int
    public var playing: Bool
    /// Scan once, then stop on the finished map until the scene ends, instead of starting over.
    public var hold: Bool
    /// Further changes at set times within the scene, e.g. moving the input halfway through.
    public var cues: [TourCue]
    /// What the scene shows of the trained network; nil for a scene of the hand-picked kernel.
    /// Such a scene's image, kernel and settings are what `N` leaves network mode to.
    public var network: NetworkScene?

    public init(caption: Caption, seconds: Double, image: NamedImage, kernel: Kernel,
                settings: ConvSettings = ConvSettings(), speed: Double = Clock.defaultSpeed,
                view: SceneView = SceneView(), position: Int = 0, playing: Bool = true,
                hold: Bool = false, cues: [TourCue] = [], network: NetworkScene? = nil) {
        self.caption = caption
        self.seconds = seconds
        self.image = image
        self.kernel = kernel
        self.settings = settings
        self.speed = speed
        self.view = view
        self.position = position
        self.playing = playing
        self.hold = hold
        self.cues = cues
        self.network = network
    }

    /// The shapes of what the scene scans (no check that they fit): its input, kernel and
    /// settings, or in a network scene a learned first-layer filter over the 28×28 input, which
    /// is what `position` and a held scan count on.
    public var geometry: ConvGeometry {
        if network != nil {
            return ConvGeometry(inputWidth: NetShape.side, inputHeight: NetShape.side,
                                kernelSize: NetShape.kernel, settings: ConvSettings())
        }
        return ConvGeometry(inputWidth: image.grid.width, inputHeight: image.grid.height,
                            kernelSize: kernel.size, settings: settings)
    }

    /// The actions that set the scene up, in the order they must be applied. Network mode and
    /// the learn view are left first, so a scene starts from the same place whatever came before.
    public var startActions: [Action] {
        [
            .setNetworkScene(nil),
            .setImage(image), .setKernel(kernel), .setSettings(settings),
            .setView(view), .resetView,
        ] + (network.map { [.setNetworkScene($0)] } ?? []) + [
            .setSpeed(speed), .setPlaying(playing), .seek(position),
            .setCaption(caption),
        ]
    }

    /// Seconds after the scene starts at which a held scan reaches its last position; nil when
    /// the scene does not hold or does not play.
    public var holdTime: Double? {
        guard hold, playing else { return nil }
        let steps = max(0, geometry.positionCount - 1 - position)
        return Double(steps) / Clock.clamp(speed)
    }

    /// Everything that happens after the start, earliest first: the cues, and the stop of a held scan.
    public var timeline: [TourCue] {
        var all = cues + (network?.learning?.cues(within: seconds) ?? [])
        if let t = holdTime { all.append(TourCue(at: t, [.seekLast, .setPlaying(false)])) }
        // A stable sort: cues at the same time keep the order they were given in.
        return all.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
    }

    /// Checks that the scene can be shown: a positive, finite duration and speed, a kernel that
    /// leaves output on the input, and a start position on the map.
    public func validate() throws {
        guard seconds.isFinite, seconds > 0 else { throw TourSceneError.badSeconds(seconds) }
        guard speed.isFinite, speed > 0 else { throw TourSceneError.badSpeed(speed) }
        _ = try ConvGeometry.validated(inputWidth: image.grid.width, inputHeight: image.grid.height,
                                       kernel: kernel, settings: settings)
        let g = geometry
        guard position >= 0, position < g.positionCount else {
            throw TourSceneError.badPosition(position, last: g.positionCount - 1)
        }
        try network?.validate()
    }
}

/// The view switches a scene decides. The rest of `ViewOptions` (theme, scale, help, glide)
/// belongs to the viewer and is not touched.
public struct SceneView: Equatable, Sendable {
    /// The ReLU map (true) or the signed sums (false).
    public var showRelu: Bool
    /// Reveal cell by cell (true) or show the whole map at once (false).
    public var progressive: Bool
    public var showNumbers: Bool
    public var showGrid: Bool

    public init(showRelu: Bool = true, progressive: Bool = true, showNumbers: Bool = true, showGrid: Bool = true) {
        self.showRelu = showRelu
        self.progressive = progressive
        self.showNumbers = showNumbers
        self.showGrid = showGrid
    }

    /// `options` with this scene's switches set.
    public func applied(to options: ViewOptions) -> ViewOptions {
        var v = options
        v.showRelu = showRelu
        v.progressive = progressive
        v.showNumbers = showNumbers
        v.showGrid = showGrid
        return v
    }
}

/// Actions to apply a set number of seconds after a scene starts.
public struct TourCue: Equatable, Sendable {
    public var at: Double
    public var actions: [Action]

    public init(at: Double, _ actions: [Action]) {
        self.at = at
        self.actions = actions
    }
}

/// Why a scene cannot be shown.
public enum TourSceneError: Error, Equatable, CustomStringConvertible {
    case badSeconds(Double)
    case badSpeed(Double)
    case badPosition(Int, last: Int)
    case badNetwork(String)

    public var description: String {
        switch self {
        case let .badSeconds(s): return "a scene must last more than 0 seconds (got \(s))"
        case let .badSpeed(s): return "the speed must be more than 0 positions per second (got \(s))"
        case let .badPosition(p, last): return "position \(p) is not on the map (0 to \(last))"
        case let .badNetwork(why): return why
        }
    }
}
