import ConvNet

/// The window's learn view (`L`): what it shows of the training run and what it knows of the
/// weights. The run itself trains on the shell's thread: its snapshots arrive as
/// `.learnSnapshot`, and what only the shell can do (start, pause or steer the thread, write a
/// file) goes out of `update` as effects (`AppState+Learn.swift`).
public struct LearnMode: Equatable, Sendable {
    /// What the view draws; the window's theme and scale replace its own when it is drawn.
    public internal(set) var view: LearnView
    /// Whether the window shows the learn view (the run lives on, paused, when it does not).
    public internal(set) var isShown = true
    /// The file `s` last wrote, and the weights it holds.
    public internal(set) var saved: SavedWeights?

    public struct SavedWeights: Equatable, Sendable {
        public var file: String
        public var weights: NetworkWeights
    }

    public init(snapshot: LearnSnapshot) {
        view = LearnView(snapshot: snapshot)
    }

    /// The file holding the weights shown, when `s` saved them (the code overlay's `open`); nil
    /// when they are in no file.
    public var trainedFile: String? {
        saved.flatMap { $0.weights == view.snapshot.weights ? $0.file : nil }
    }

    /// How far the weights shown were trained, for network mode's name of them.
    public var trainedName: String {
        "trained here, \(LearnText.grouped(view.snapshot.imagesSeen)) images from \(view.snapshot.start)"
    }
}
