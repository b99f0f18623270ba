/// Modifier keys that can change what a key does. NumLock and CapsLock never do, so they have
/// no place here: the window strips them before it asks the key map.
public struct KeyModifiers: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let shift = KeyModifiers(rawValue: 1 << 0)
    public static let control = KeyModifiers(rawValue: 1 << 1)
    public static let alt = KeyModifiers(rawValue: 1 << 2)
}

/// One entry of the window's key table: a key with its modifiers, the action it sends, and the
/// help line (`KeyBindings.all`) that tells a person about it.
public struct KeyCommand: Equatable, Sendable {
    /// The X keysym name (`space`, `Right`, `plus`, `I`): what `XKeysymToString` gives.
    public let key: String
    public let modifiers: KeyModifiers
    public let action: Action
    /// The `keys` text of the help line that lists this key.
    public let help: String

    public init(_ key: String, _ modifiers: KeyModifiers, _ action: Action, help: String) {
        self.key = key
        self.modifiers = modifiers
        self.action = action
        self.help = help
    }

    public init(_ key: String, _ action: Action, help: String) {
        self.init(key, [], action, help: help)
    }
}

/// The keyboard, as a table from {key, modifiers} to action, in the manner of nsxiv's
/// `config.def.h`. Keys are named by keysym so the table needs no X headers; the window turns
/// names into keysyms once at start.
///
/// A shifted character is its own key: `I` and `+` are matched with Shift already spent on
/// them, so `KeyMap.action(key: "I", modifiers: [])` is the previous input. Shift only counts
/// where it does not change the keysym, as on the arrows.
///
///     KeyMap.action(key: "Right", modifiers: .shift)   // .stepRow(1)
public enum KeyMap {
    public static let commands: [KeyCommand] = {
        var table: [KeyCommand] = [
            KeyCommand("space", .togglePlay, help: "Space"),
            KeyCommand("Right", .step(1), help: "→ / ←"),
            KeyCommand("Left", .step(-1), help: "→ / ←"),
            // While paused (or with a weight selected) ↑/↓ and Shift+arrows mean something
            // else: see `KeyMap.action(key:modifiers:in:)`.
            KeyCommand("Right", .shift, .stepRow(1), help: "Shift + arrows"),
            KeyCommand("Left", .shift, .stepRow(-1), help: "Shift + arrows"),
            KeyCommand("Down", .shift, .stepRow(1), help: "Shift + arrows"),
            KeyCommand("Up", .shift, .stepRow(-1), help: "Shift + arrows"),
            KeyCommand("Down", .stepRow(1), help: "↑ / ↓"),
            KeyCommand("Up", .stepRow(-1), help: "↑ / ↓"),
            KeyCommand("Home", .seekFirst, help: "Home / End"),
            KeyCommand("End", .seekLast, help: "Home / End"),
            KeyCommand("plus", .speedUp, help: "+ / −"),
            KeyCommand("equal", .speedUp, help: "+ / −"),
            KeyCommand("KP_Add", .speedUp, help: "+ / −"),
            KeyCommand("minus", .speedDown, help: "+ / −"),
            KeyCommand("KP_Subtract", .speedDown, help: "+ / −"),
            KeyCommand("i", .nextInput, help: "i / I, f / F"),
            KeyCommand("I", .previousInput, help: "i / I, f / F"),
            KeyCommand("f", .nextFilter, help: "i / I, f / F"),
            KeyCommand("F", .previousFilter, help: "i / I, f / F"),
            KeyCommand("r", .toggleRelu, help: "r"),
            KeyCommand("n", .toggleNumbers, help: "n, g"),
            KeyCommand("g", .toggleGrid, help: "n, g"),
            KeyCommand("p", .toggleProgressive, help: "p"),
            KeyCommand("d", .cycleDilation, help: "d"),
            KeyCommand("x", .toggleFlip, help: "x"),
            KeyCommand("k", .cycleKernelSize, help: "k"),
            KeyCommand("Return", .commitTypedWeight, help: "0–9 − . Enter"),
            KeyCommand("KP_Enter", .commitTypedWeight, help: "0–9 − . Enter"),
            KeyCommand("BackSpace", .eraseTypedCharacter, help: "Backspace / Delete"),
            KeyCommand("Delete", .zeroWeight, help: "Backspace / Delete"),
            KeyCommand("e", .togglePaintMode, help: "e"),
            KeyCommand("bracketleft", .changeBrush(-1), help: "[ / ]"),
            KeyCommand("bracketright", .changeBrush(1), help: "[ / ]"),
            KeyCommand("c", .clearCanvas, help: "c"),
            KeyCommand("o", .toggleCode, help: "o"),
            KeyCommand("N", .toggleNetwork, help: "N, v / V, L"),
            KeyCommand("v", .stepStage(1), help: "N, v / V, L"),
            KeyCommand("V", .stepStage(-1), help: "N, v / V, L"),
            KeyCommand("L", .toggleLearn, help: "N, v / V, L"),
            KeyCommand("t", .toggleTour, help: "t"),
            KeyCommand("0", .resetView, help: "0"),
            KeyCommand("s", .saveScreenshot, help: "s"),
            KeyCommand("F11", .toggleFullscreen, help: "F11"),
            KeyCommand("h", .toggleHelp, help: "h or ?"),
            KeyCommand("question", .toggleHelp, help: "h or ?"),
            KeyCommand("z", .control, .undo, help: "u / U, Ctrl+Z"),
            KeyCommand("Z", .control, .redo, help: "u / U, Ctrl+Z"),
            KeyCommand("u", .undo, help: "u / U, Ctrl+Z"),
            KeyCommand("U", .redo, help: "u / U, Ctrl+Z"),
            KeyCommand("Next", .nextScene, help: "PgDn / PgUp, . / ,"),
            KeyCommand("Prior", .previousScene, help: "PgDn / PgUp, . / ,"),
            KeyCommand("period", .nextScene, help: "PgDn / PgUp, . / ,"),
            KeyCommand("comma", .previousScene, help: "PgDn / PgUp, . / ,"),
            KeyCommand("Escape", .escape, help: "Esc / q"),
            KeyCommand("q", .askToQuit, help: "Esc / q"),
        ]
        for digit in 1...9 {
            table.append(KeyCommand(String(digit), .selectPreset(digit - 1), help: "1 – 9"))
        }
        return table
    }()

    /// Help lines that belong to the mouse rather than to a key.
    public static let pointerHelp: Set<String> = [
        "mouse over a panel", "click", "wheel, drag", "click a weight", "wheel on a weight", "left / right drag",
        "click / drag the timeline",
    ]

    private struct Chord: Hashable {
        let key: String
        let modifiers: KeyModifiers
    }

    private static let index: [Chord: Action] = {
        var map: [Chord: Action] = [:]
        for c in commands { map[Chord(key: c.key, modifiers: c.modifiers)] = c.action }
        return map
    }()

    /// The action for a key, or nil when the key means nothing here.
    public static func action(key: String, modifiers: KeyModifiers) -> Action? {
        index[Chord(key: key, modifiers: modifiers)]
    }
}
