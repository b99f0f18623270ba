/// A state in which some keys mean something other than what `KeyMap.commands` says.
public enum KeyMode: CaseIterable, Sendable {
    /// A kernel weight is selected: ↑/↓ change it, digits, `-` and `.` type a value.
    case weightSelected
    /// The scan is paused: Shift+arrows move the input by one pixel.
    case paused
}

extension KeyMap {
    /// The keys each mode takes over from `commands`. Their help lines are in `KeyBindings.all`.
    public static let modeCommands: [KeyMode: [KeyCommand]] = [
        .weightSelected: weightSelectedCommands,
        .paused: [
            KeyCommand("Right", .shift, .shiftInput(rows: 0, cols: 1), help: "Shift + arrows"),
            KeyCommand("Left", .shift, .shiftInput(rows: 0, cols: -1), help: "Shift + arrows"),
            KeyCommand("Down", .shift, .shiftInput(rows: 1, cols: 0), help: "Shift + arrows"),
            KeyCommand("Up", .shift, .shiftInput(rows: -1, cols: 0), help: "Shift + arrows"),
        ],
    ]

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
