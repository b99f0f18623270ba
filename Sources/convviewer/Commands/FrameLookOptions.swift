import ArgumentParser
import ConvModel

/// How an off-screen frame looks, shared by `render` and `record`: theme, UI scale and the view
/// switches. (A tour's scenes set ReLU, reveal, numbers and grid themselves.)
struct FrameLookOptions: ParsableArguments {
    @Option(name: .long, help: "dark or light.")
    var theme: String = Theme.dark.rawValue

    @Option(name: .long, parsing: .unconditional, help: "UI scale (1 at 96 dpi).")
    var scale: Double = 1

    @Flag(name: .customLong("no-relu"), help: "Show the signed conv map instead of its ReLU.")
    var noRelu = false

    @Flag(inversion: .prefixedNo, help: "Numbers in the cells when they fit.")
    var numbers = true

    @Flag(inversion: .prefixedNo, help: "Grid lines between cells when they are big enough.")
    var grid = true

    @Flag(name: .long, help: "Show the whole maps instead of only the cells computed so far.")
    var full = false

    @Flag(name: .customLong("help-overlay"), help: "Draw the help overlay on top.")
    var helpOverlay = false

    /// The theme, once theme and scale are known to be good; a bad one is a `CLIError`.
    func checkedTheme() throws -> Theme {
        guard let chosen = Theme(rawValue: theme) else { throw CLIError("unknown theme '\(theme)' (dark or light)") }
        guard scale.isFinite, scale > 0 else { throw CLIError("--scale must be a positive number (got \(scale))") }
        return chosen
    }

    /// Sets the theme, the scale and the view switches on `state`.
    func apply(to state: inout AppState) throws {
        state.update(.setTheme(try checkedTheme()))
        state.update(.setScale(scale))
        state.view.showRelu = !noRelu
        state.view.showNumbers = numbers
        state.view.showGrid = grid
        state.view.progressive = !full
        state.view.showHelp = helpOverlay
    }
}
