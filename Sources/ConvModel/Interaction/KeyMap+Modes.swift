/// A state in which some keys mean something other than what `KeyMap.commands` says.
public enum KeyMode: CaseIterable, Sendable {
    /// A kernel weight is selected: ↑/↓ change it, digits, `-` and `.` type a value.
    case weightSelected
    /// The scan is paused: Shift+arrows move the input by one pixel.
    case paused
    /// The learn view is open: Space, →, + / −, ↑ / ↓, Home and s control the training.
    case learning
}

extension KeyMap {
    /// The keys each mode takes over from `commands`. Their help lines are in `KeyBindings.all`.
    public static let modeCommands: [KeyMode: [KeyCommand]] = [
        .weightSelected: weightSelectedCommands,
        .learning: learningCommands,
        .paused: [
            KeyCommand("Right", .shift, .shiftInput(rows: 0, cols: 1), help: "Shift + arrows"),
            KeyCommand("Left", .shift, .shiftInput(rows: 0, cols: -1), help: "Shift + arrows"),
            KeyCommand("Down", .shift, .shiftInput(rows: 1, cols: 0), help: "Shift + arrows"),
            KeyCommand("Up", .shift, .shiftInput(rows: -1, cols: 0), help: "Shift + arrows"),
        ],
    ]

    /// The learn view's controls; the view lists them on screen, the help overlay under `L`.
    private static let learningCommands: [KeyCommand] = {
        let help = "N, v / V, L"
        return [
            KeyCommand("space", .learnControl(.pauseResume), help: help),
            KeyCommand("Right", .learnControl(.step), help: help),
            KeyCommand("plus", .learnControl(.faster), help: help),
            KeyCommand("equal", .learnControl(.faster), help: help),
            KeyCommand("KP_Add", .learnControl(.faster), help: help),
            KeyCommand("minus", .learnControl(.slower), help: help),
            KeyCommand("KP_Subtract", .learnControl(.slower), help: help),
            KeyCommand("Up", .learnControl(.rateUp), help: help),
            KeyCommand("Down", .learnControl(.rateDown), help: help),
            KeyCommand("Home", .learnControl(.reset), help: help),
            KeyCommand("End", .learnControl(.restartFromNetwork), help: help),
            KeyCommand("s", .learnControl(.save), help: help),
        ]
    }()

    private static let weightSelectedCommands: [KeyCommand] = {
        let typing = "0–9 − . Enter"
        var table = [
            KeyCommand("Up", .nudgeWeight(steps: 1, coarse: false), help: "↑ / ↓"),
            KeyCommand("Down", .nudgeWeight(steps: -1, coarse: false), help: "↑ / ↓"),
            KeyCommand("Up", .shift, .nudgeWeight(steps: 1, coarse: true), help: "↑ / ↓"),
            KeyCommand("Down", .shift, .nudgeWeight(steps: -1, coarse: true), help: "↑ / ↓"),
            KeyCommand("minus", .typeWeightCharacter("-"), help: typing),
            KeyCommand("KP_Subtract", .typeWeightCharacter("-"), help: typing),
            KeyCommand("period", .typeWeightCharacter("."), help: typing),
            KeyCommand("KP_Decimal", .typeWeightCharacter("."), help: typing),
        ]
        for d in 0...9 {
            let c = Character(String(d))
            table.append(KeyCommand(String(d), .typeWeightCharacter(c), help: typing))
            table.append(KeyCommand("KP_\(d)", .typeWeightCharacter(c), help: typing))
        }
        return table
    }()

    /// The modes `state` is in, the one whose keys win first.
    public static func modes(of state: AppState) -> [KeyMode] {
        var modes: [KeyMode] = []
        if state.network?.learn != nil { modes.append(.learning) }
        if state.kernelEditor.selected != nil { modes.append(.weightSelected) }
        if !state.clock.isPlaying { modes.append(.paused) }
        return modes
    }

    /// What a key does in this state: the first mode that binds it, else `commands`. This is the
    /// lookup the window should use; `action(key:modifiers:)` ignores the modes.
    ///
    ///     KeyMap.action(key: "Right", modifiers: .shift, in: paused)   // .shiftInput(rows: 0, cols: 1)
    public static func action(key: String, modifiers: KeyModifiers, in state: AppState) -> Action? {
        for mode in modes(of: state) {
            if let c = modeCommands[mode]?.first(where: { $0.key == key && $0.modifiers == modifiers }) {
                return c.action
            }
        }
        return action(key: key, modifiers: modifiers)
    }

    /// Every command of `commands` and of the modes: every key name the window must recognise.
    public static var allCommands: [KeyCommand] {
        commands + KeyMode.allCases.flatMap { modeCommands[$0] ?? [] }
    }
}
