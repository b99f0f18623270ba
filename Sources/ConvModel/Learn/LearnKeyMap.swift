/// The learn view's keys, by the names X gives them (as `KeyMap` spells them).
public enum LearnKeyMap {
    /// What a key does in the learn view.
    public enum Command: Equatable, Sendable {
        case session(LearnAction)
        case toggleGradients
        case saveWeights
        /// Start again from the network's own weights (network mode's, else the shipped file's).
        case restartFromNetwork
        /// Back to the panels.
        case leave
        /// Back to the panels, which then take the key too (quit, help).
        case leaveAndPassOn
    }

    /// The key that enters the learn view from the panels (and leaves it again).
    public static let enterKey = "L"

    public static let table: [(key: String, command: Command)] = [
        ("space", .session(.togglePause)),
        ("period", .session(.stepOnce)),
        ("bracketleft", .session(.slower)),
        ("bracketright", .session(.faster)),
        ("minus", .session(.learningRateDown)),
        ("KP_Subtract", .session(.learningRateDown)),
        ("plus", .session(.learningRateUp)),
        ("equal", .session(.learningRateUp)),
        ("KP_Add", .session(.learningRateUp)),
        ("g", .toggleGradients),
        ("r", .session(.reset)),
        ("End", .restartFromNetwork),
        ("s", .saveWeights),
        ("L", .leave),
        ("Escape", .leave),
        ("q", .leaveAndPassOn),
        ("h", .leaveAndPassOn),
        ("question", .leaveAndPassOn),
    ]

    public static var keyNames: [String] { table.map(\.key) }

    public static func command(for key: String) -> Command? {
        table.first { $0.key == key }?.command
    }
}
