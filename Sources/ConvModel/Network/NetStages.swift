/// The stages of the network, by the names `net classify --json` gives them, in order. Their
/// indices are also the boxes of the architecture strip in network mode.
public enum NetStages {
    public static let names = ["input", "conv1", "relu1", "pool1", "conv2", "relu2", "pool2", "flatten", "dense", "softmax"]
    public static let input = 0, conv1 = 1, relu1 = 2, pool1 = 3, conv2 = 4, relu2 = 5, pool2 = 6
    public static let flatten = 7, dense = 8, softmax = 9
    /// The stages the three panels show (one filter of each): input, conv1, relu1, pool1.
    public static let shownInPanels = 0...3

    public static func index(named name: String) -> Int? { names.firstIndex(of: name) }

    /// Whether a stage is a stack of maps (channels × side × side) rather than a vector.
    public static func isMap(_ stage: Int) -> Bool { (0...pool2).contains(stage) }
    /// Whether a stage's values are signed sums (drawn with the diverging colours).
    public static func isSigned(_ stage: Int) -> Bool { stage == conv1 || stage == conv2 || stage == dense }
}
