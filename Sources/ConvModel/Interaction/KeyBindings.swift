/// One line of the help overlay: the keys or mouse gesture, and what it does.
public struct KeyBinding: Equatable, Sendable {
    public let keys: String
    public let description: String

    public init(_ keys: String, _ description: String) {
        self.keys = keys
        self.description = description
    }
}

/// Every binding the window has, in the order the help overlay lists them.
/// The window's key table and this list are tested against each other.
public enum KeyBindings {
    public static let all: [KeyBinding] = [
        KeyBinding("Space", "play / pause the scan (and the tour)"),
        KeyBinding("→ / ←", "one position forward / back"),
        KeyBinding("↑ / ↓", "one row back / forward (selected weight: ±0.1)"),
        KeyBinding("Shift + arrows", "paused: move the input a pixel; playing: a row"),
        KeyBinding("Home / End", "first / last position"),
        KeyBinding("+ / −", "twice as fast / half as fast"),
        KeyBinding("i / I, f / F", "next / previous input, filter (network: test image, filter)"),
        KeyBinding("1 – 9", "choose a filter directly"),
        KeyBinding("r", "ReLU on / off (off shows the signed sums)"),
        KeyBinding("n, g", "numbers in the cells, grid lines"),
        KeyBinding("p", "reveal cell by cell / show the whole map"),
        KeyBinding("d", "dilation 1 → 2 → 3 (taps spread apart)"),
        KeyBinding("x", "true convolution (kernel flipped) or correlation"),
        KeyBinding("click a weight", "select it to edit"),
        KeyBinding("wheel on a weight", "change it by 0.1 (Shift: by 1)"),
        KeyBinding("0–9 − . Enter", "type a value for the selected weight"),
        KeyBinding("Backspace / Delete", "set the selected weight to 0"),
        KeyBinding("k", "kernel size 3 → 5 → 7 → 1, centre kept"),
        KeyBinding("e", "paint mode on / off"),
        KeyBinding("left / right drag", "paint mode: paint white / black"),
        KeyBinding("[ / ]", "smaller / larger brush (1 to 3 cells)"),
        KeyBinding("c", "paint mode: clear the input to black"),
        KeyBinding("mouse over a panel", "while paused, move the kernel there and show its sum"),
        KeyBinding("click", "put the kernel on that cell"),
        KeyBinding("wheel, drag", "zoom the panel about the pointer, pan it"),
        KeyBinding("click / drag the timeline", "seek to a position"),
        KeyBinding("0", "reset zoom and pan"),
        KeyBinding("o", "NumPy and PyTorch code for these maps"),
        KeyBinding("N, v / V, L", "network mode; v / V or the strip: a stage; L: learn"),
        KeyBinding("t", "guided tour on / off (off: your view back)"),
        KeyBinding("PgDn / PgUp, . / ,", "tour: next / previous scene"),
        KeyBinding("u / U, Ctrl+Z", "undo / redo (redo also Ctrl+Shift+Z)"),
        KeyBinding("s", "save a PNG (paint mode: the input as PGM)"),
        KeyBinding("F11", "fullscreen"),
        KeyBinding("h or ?", "show / hide this help"),
        KeyBinding("Esc / q", "close what is open, else quit (asks if unsaved)"),
    ]
}
