/// What the learn view draws: the latest snapshot of the run and how to show it.
public struct LearnView: Equatable, Sendable {
    public var snapshot: LearnSnapshot
    public var theme: Theme = .dark
    public var scale: Double = 1
    /// Draw the last batch's gradients in place of the weights.
    public var showGradients = false
    /// A one-line message (a file saved, an error), shown over the keys.
    public var message: String?
    /// Whether the key legend is drawn (not in the tour, where the keys do something else).
    public var showsKeys = true

    public init(snapshot: LearnSnapshot, theme: Theme = .dark, scale: Double = 1, showGradients: Bool = false) {
        self.snapshot = snapshot
        self.theme = theme
        self.scale = scale
        self.showGradients = showGradients
    }

    /// This view in the window's theme and scale, as the window and the tour draw it.
    public func styled(_ options: ViewOptions) -> LearnView {
        var view = self
        view.theme = options.theme
        view.scale = options.scale
        return view
    }

    public func layout(width: Int, height: Int) -> LearnLayout {
        LearnLayout(width: width, height: height, scale: scale,
                    filters1: snapshot.weights.conv1Bias.count, filters2: snapshot.weights.conv2Bias.count,
                    notice: snapshot.usesSample)
    }

    /// The keys of the learn view and what they do, for the legend (the window binds the same).
    public static let keys: [(key: String, does: String)] = [
        ("Space", "pause / run"), (".", "one batch"), ("[ ]", "slower / faster"), ("− +", "learning rate ÷2 ×2"),
        ("g", "gradients"), ("r", "reset (next seed)"), ("End", "from the network's weights"),
        ("s", "save weights"), ("L", "back to the panels"),
    ]
}
