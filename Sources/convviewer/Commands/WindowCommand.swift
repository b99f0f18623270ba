import ArgumentParser
import ConvModel
import Foundation

/// `convviewer` with no subcommand: the window.
struct WindowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "window",
        abstract: "Open the window (what `convviewer` with no subcommand does)."
    )

    @OptionGroup var model: ModelOptions

    @Option(name: .long, help: "Window size in pixels, WxH.")
    var geometry: String = "1280x800"

    @Flag(name: .long, help: "Fill the screen (the window manager's fullscreen state; F11 toggles).")
    var fullscreen = false

    @Flag(name: .long, help: "Start paused.")
    var paused = false

    @Option(name: .long, parsing: .unconditional, help: "Frames per second while the scan moves.")
    var fps: Int = 60

    @Option(name: .long, parsing: .unconditional, help: "Scan speed in positions per second (\(Clock.minSpeed)–\(Int(Clock.maxSpeed))); default \(Int(Clock.defaultSpeed)), or for a large file input the speed that scans it in about a minute.")
    var speed: Double?

    @Option(name: .long, help: "dark or light.")
    var theme: String = Theme.dark.rawValue

    @Option(name: .long, parsing: .unconditional, help: "UI scale (1 at 96 dpi); default from the display's Xft.dpi.")
    var scale: Double?

    @Flag(name: .long, help: "Start in the guided tour (t starts and stops it).")
    var tour = false

    @Option(name: .customLong("tour-file"), help: "Play this tour (JSON) instead of the built-in one; starts it, like --tour.")
    var tourFile: String?

    @Flag(name: .long, help: "For unattended displays: fullscreen, hidden cursor, the tour looping; a visitor's key or click pauses it; only Ctrl+Alt+Q quits; s writes no files.")
    var kiosk = false

    @Option(name: .customLong("idle-timeout"), parsing: .unconditional, help: "Kiosk: seconds without input before the tour comes back.")
    var idleTimeout: Double = Kiosk.defaultIdleTimeout

    @Flag(name: .customLong("allow-quit"), help: "Kiosk: let q and Esc quit too.")
    var allowQuit = false

    @OptionGroup var network: NetViewOptions

    func run() throws {
        let size = try WindowCommand.parseSize(geometry, option: "--geometry")
        guard (1...1000).contains(fps) else { throw CLIError("--fps must be between 1 and 1000 (got \(fps))") }
        if let speed { try OptionChecks.speed(speed) }
        guard let chosenTheme = Theme(rawValue: theme) else {
            throw CLIError("unknown theme '\(theme)' (dark or light)")
        }
        if let s = scale, !(s.isFinite && s > 0) { throw CLIError("--scale must be a positive number (got \(s))") }
        guard idleTimeout.isFinite, idleTimeout > 0 else {
            throw CLIError("--idle-timeout must be a positive number of seconds (got \(idleTimeout))")
        }
        if !kiosk, allowQuit { throw CLIError("--allow-quit only means something with --kiosk") }
        // A bad tour file ends the program here, before a window opens.
        let chosenTour = try tourFile.map(TourFile.load) ?? Tour.builtin
        var (state, loadProblem) = try initialState(width: size.width, height: size.height)

        let x = try XConnection()
        let window = AppWindow(x, width: size.width, height: size.height, fullscreen: fullscreen || kiosk)
        state.update(.resize(width: window.initialWidth, height: window.initialHeight))
        state.update(.setTheme(chosenTheme))
        state.update(.setScale(scale ?? x.xftScale() ?? 1))
        // With --net FILE the tour's network scenes show that network.
        try network.apply(to: &state)
        if kiosk || tour || tourFile != nil {
            do {
                for action in try TourNetworkLoader.actions(for: chosenTour, in: state) { state.update(action) }
            } catch {
                state.update(.showMessage("\(error)"))
            }
        }
        if let loadProblem { state.update(.showMessage(loadProblem)) }
        // Kiosk mode starts its own tour (looping) once the window is up.
        if !kiosk, tour || tourFile != nil { state.update(.startTour(chosenTour, loop: true)) }

        let code: Int32
        do {
            let session = WindowSession(state: state, connection: x, window: window, fps: Double(fps),
                                        sharedMemory: ProcessInfo.processInfo.environment["CONVVIEWER_NO_SHM"] != "1",
                                        tour: chosenTour,
                                        kiosk: kiosk ? Kiosk(tour: chosenTour, idleTimeout: idleTimeout, allowQuit: allowQuit) : nil)
            code = session.run()
        }
        Foundation.exit(code)
    }

    /// The state to open with. An input that fails to load does not stop the window: it opens on
    /// a built-in input and says what went wrong (the second value). A bad filter or settings
    /// still end the program with a one-line error, as in every other command.
    private func initialState(width: Int, height: Int) throws -> (AppState, String?) {
        try OptionChecks.maxSize(model.maxSize)
        let kernel = try model.kernel()
        let settings = model.settings
        var problem: String?
        var image: NamedImage
        do {
            image = try InputSource.load(model.input, maxSide: model.maxSize)
        } catch {
            problem = "\(error) — showing the built-in 'face' instead"
            image = BuiltinImages.named("face")!
        }
        func make(_ img: NamedImage) throws -> AppState {
            var state = try AppState(image: img, kernel: kernel, settings: settings, speed: speed ?? Clock.defaultSpeed,
                                     playing: !paused, windowWidth: width, windowHeight: height)
            // A photo has many more positions than a built-in picture: unless told otherwise, walk it in about a minute.
            if speed == nil, BuiltinImages.named(img.name) == nil {
                state.update(.setSpeed(Clock.defaultSpeed(positions: state.scan.count)))
            }
            return state
        }
        do {
            return (try make(image), problem)
        } catch where problem == nil && BuiltinImages.named(image.name) == nil {
            // The file loaded but this kernel leaves nothing of it: same fallback.
            return (try make(BuiltinImages.named("face")!), "\(error) — showing the built-in 'face' instead")
        }
    }

    /// `"1280x800"` → (1280, 800); also accepts `×`. Each side from the smallest frame the layout
    /// is made for (`FrameLayout.minimumWidth` × `minimumHeight`) to `Limits.frameSide`, and at
    /// most `Limits.framePixels` in all (the back buffer takes 4 bytes a pixel).
    static func parseSize(_ text: String, option: String) throws -> (width: Int, height: Int) {
        let parts = text.lowercased().split(whereSeparator: { $0 == "x" || $0 == "×" })
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]) else {
            throw CLIError("\(option) must look like 1280x800 (got '\(Limits.quoted(text))')")
        }
        let minW = FrameLayout.minimumWidth, minH = FrameLayout.minimumHeight
        let most = Limits.frameSide
        guard (minW...most).contains(w), (minH...most).contains(h) else {
            throw CLIError("\(option) must be between \(minW)x\(minH) and \(most)x\(most) (got '\(Limits.quoted(text))')")
        }
        try Limits.checkArea(option, width: w, height: h, atMost: Limits.framePixels)
        return (w, h)
    }
}
