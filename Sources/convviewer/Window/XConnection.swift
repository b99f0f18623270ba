import CX11
import Foundation

/// The connection to the X server: the display, its default screen and the atoms the window
/// uses. Every Xlib call of the program happens on the thread that made this.
final class XConnection {
    let display: OpaquePointer
    let screen: Int32
    let root: Window
    /// The socket the event loop polls.
    let fileDescriptor: Int32
    let atoms: Atoms

    /// The name as the user gave it (`$DISPLAY` when nil), for the error message.
    static func displayName(_ name: String?) -> String {
        name ?? ProcessInfo.processInfo.environment["DISPLAY"] ?? ""
    }

    init(name: String? = nil) throws {
        guard let d = XOpenDisplay(name) else {
            throw CLIError("cannot open display \"\(XConnection.displayName(name))\" (try `convviewer render -o frame.png` to draw without one)")
        }
        display = d
        screen = XDefaultScreen(d)
        root = XRootWindow(d, screen)
        fileDescriptor = XConnectionNumber(d)
        atoms = Atoms(display: d)
        XErrorReporting.install()
        // A held key then sends presses only, no release between them: `KeyRepeat` tells them apart.
        var supported: Int32 = 0
        _ = XkbSetDetectableAutoRepeat(d, 1, &supported)
    }

    deinit { XCloseDisplay(display) }

    /// The screen's size. Xlib's own copy (`XDisplayWidth`) is never updated when the screen
    /// changes size without Xrandr's help, so the root window's ConfigureNotify updates this one.
    private(set) lazy var screenWidth = Int(XDisplayWidth(display, screen))
    private(set) lazy var screenHeight = Int(XDisplayHeight(display, screen))

    /// Asks for the root window's ConfigureNotify, which comes when the screen changes size
    /// (`xrandr`, a monitor swap): no Xrandr library needed.
    func watchScreenSize() {
        var attributes = XWindowAttributes()
        XGetWindowAttributes(display, root, &attributes)
        XSelectInput(display, root, attributes.your_event_mask | StructureNotifyMask)
    }

    /// The root window's new size, from its ConfigureNotify. Says whether it changed.
    func screenResized(width: Int, height: Int) -> Bool {
        guard width != screenWidth || height != screenHeight else { return false }
        screenWidth = width
        screenHeight = height
        return true
    }

    /// Resets the screen saver's idle timer (and wakes a blanked or powered-down display) and
    /// returns the server's saver timeout in seconds (0: off), to know when to do it again.
    func holdOffScreenSaver() -> Int {
        XResetScreenSaver(display)
        var timeout: Int32 = 0, interval: Int32 = 0, preferBlanking: Int32 = 0, allowExposures: Int32 = 0
        XGetScreenSaver(display, &timeout, &interval, &preferBlanking, &allowExposures)
        XFlush(display)
        return Int(timeout)
    }

    /// The UI scale the user's desktop asks for: `Xft.dpi / 96`, or nil when it is not set
    /// (Xvfb and bare servers). Read once at start, the way st and dunst read it.
    func xftScale() -> Double? {
        guard let resources = XResourceManagerString(display) else { return nil }
        XrmInitialize()
        guard let db = XrmGetStringDatabase(resources) else { return nil }
        defer { XrmDestroyDatabase(db) }
        var type: UnsafeMutablePointer<CChar>?
        var value = XrmValue()
        guard XrmGetResource(db, "Xft.dpi", "Xft.Dpi", &type, &value) != 0, let addr = value.addr else { return nil }
        return XConnection.scale(fromDPI: String(cString: addr))
    }

    /// `"144"` → 1.5; nothing sensible → nil.
    static func scale(fromDPI text: String) -> Double? {
        guard let dpi = Double(text.trimmingCharacters(in: .whitespaces)), dpi.isFinite, dpi >= 24, dpi <= 960 else { return nil }
        return dpi / 96
    }

    /// Whether an EWMH window manager is running: `_NET_SUPPORTING_WM_CHECK` on the root names
    /// a window that names itself. Without one, fullscreen is done by hand.
    func hasWindowManager() -> Bool {
        guard let child = windowProperty(root, atoms.netSupportingWMCheck) else { return false }
        return windowProperty(child, atoms.netSupportingWMCheck) == child
    }

    private func windowProperty(_ window: Window, _ property: Atom) -> Window? {
        var type: Atom = 0
        var format: Int32 = 0
        var count: UInt = 0, after: UInt = 0
        var data: UnsafeMutablePointer<UInt8>?
        let status = XGetWindowProperty(display, window, property, 0, 1, 0, XA_WINDOW_ATOM, &type, &format,
                                        &count, &after, &data)
        defer { if let data { XFree(data) } }
        guard status == Success, type == XA_WINDOW_ATOM, format == 32, count == 1, let data else { return nil }
        // Format-32 data arrives as C longs.
        return data.withMemoryRebound(to: UInt.self, capacity: 1) { Window($0.pointee) }
    }
}

/// `XA_WINDOW` is a macro cast Swift does not import.
let XA_WINDOW_ATOM = Atom(33)
let XA_CARDINAL_ATOM = Atom(6)
let XA_WM_NAME_ATOM = Atom(39)
let XA_WM_ICON_NAME_ATOM = Atom(37)

/// The atoms the window talks to the window manager with, interned in one round trip.
struct Atoms {
    let wmProtocols: Atom
    let wmDeleteWindow: Atom
    let netWMName: Atom
    let netWMIconName: Atom
    let netWMPid: Atom
    let netWMState: Atom
    let netWMStateFullscreen: Atom
    let netSupportingWMCheck: Atom
    let utf8String: Atom

    init(display: OpaquePointer) {
        let names = ["WM_PROTOCOLS", "WM_DELETE_WINDOW", "_NET_WM_NAME", "_NET_WM_ICON_NAME", "_NET_WM_PID",
                     "_NET_WM_STATE", "_NET_WM_STATE_FULLSCREEN", "_NET_SUPPORTING_WM_CHECK", "UTF8_STRING"]
        var atoms = [Atom](repeating: 0, count: names.count)
        var cNames = names.map { strdup($0) }
        defer { cNames.forEach { free($0) } }
        _ = XInternAtoms(display, &cNames, Int32(names.count), 0, &atoms)
        (wmProtocols, wmDeleteWindow, netWMName, netWMIconName, netWMPid) = (atoms[0], atoms[1], atoms[2], atoms[3], atoms[4])
        (netWMState, netWMStateFullscreen, netSupportingWMCheck, utf8String) = (atoms[5], atoms[6], atoms[7], atoms[8])
    }
}

/// Xlib's two error callbacks. C callbacks cannot capture, so both are free functions kept tiny.
enum XErrorReporting {
    static func install() {
        XSetIOErrorHandler { _ in
            // The server is gone: Xlib would exit anyway after this returns; say why, once.
            fputs("convviewer: lost the connection to the X server\n", stderr)
            _exit(2)
        }
        XSetErrorHandler { display, event in
            guard let display, let event else { return 0 }
            var text = [CChar](repeating: 0, count: 160)
            XGetErrorText(display, Int32(event.pointee.error_code), &text, Int32(text.count))
            let e = event.pointee
            XErrorReporting.lastErrorCode = e.error_code
            if XErrorReporting.quiet { return 0 }
            fputs("convviewer: X error: \(String(cString: text)) (request \(e.request_code).\(e.minor_code), resource 0x\(String(e.resourceid, radix: 16)))\n", stderr)
            return 0
        }
    }

    /// The code of the latest protocol error, so a caller that must know whether a request
    /// worked (attaching shared memory) can `XSync` and look.
    nonisolated(unsafe) static var lastErrorCode: UInt8 = 0
    /// Set while trying something that may fail by design, so the expected error is not logged.
    nonisolated(unsafe) static var quiet = false
}
