import ConvModel
import CX11
import Foundation

/// The top-level window and what the window manager is told about it: title, class, pid,
/// minimum size, the close protocol and fullscreen. It draws nothing itself (see `BackBuffer`).
final class AppWindow {
    static let minimumWidth = FrameLayout.minimumWidth
    static let minimumHeight = FrameLayout.minimumHeight
    /// Events the loop handles; motion comes as plain MotionNotify and is coalesced there.
    /// Key releases tell a held key's auto-repeat from new presses (`KeyRepeat`).
    static let eventMask = ExposureMask | KeyPressMask | KeyReleaseMask | ButtonPressMask | ButtonReleaseMask
        | PointerMotionMask | LeaveWindowMask | StructureNotifyMask

    let x: XConnection
    let id: Window
    let visual: UnsafeMutablePointer<Visual>
    let depth: Int32
    /// The size the window was created with (the screen's when fullscreen was done by hand).
    let initialWidth: Int
    let initialHeight: Int
    private(set) var isFullscreen: Bool
    /// Geometry to go back to when fullscreen was done by hand (no window manager).
    private var savedGeometry: (x: Int32, y: Int32, width: UInt32, height: UInt32)?
    private var title = ""
    private var cursors: [CursorShape: Cursor] = [:]
    private var currentCursor: CursorShape = .normal

    /// `hidden` is the kiosk's invisible cursor (a 1×1 empty bitmap: no XFixes needed).
    enum CursorShape { case normal, crosshair, move, hidden }

    init(_ x: XConnection, width: Int, height: Int, fullscreen: Bool) {
        self.x = x
        let d = x.display
        visual = XDefaultVisual(d, x.screen)
        depth = XDefaultDepth(d, x.screen)
        var attributes = XSetWindowAttributes()
        // No background: the server must not clear the window before our frame lands (no flicker).
        attributes.background_pixmap = 0
        attributes.bit_gravity = NorthWestGravity
        attributes.event_mask = AppWindow.eventMask
        attributes.colormap = XDefaultColormap(d, x.screen)
        let mask = UInt(CWBackPixmap | CWBitGravity | CWEventMask | CWColormap)
        let manage = fullscreen && !x.hasWindowManager()
        let w = manage ? x.screenWidth : max(width, 1), h = manage ? x.screenHeight : max(height, 1)
        id = XCreateWindow(d, x.root, 0, 0, UInt32(w), UInt32(h), 0, depth, UInt32(InputOutput), visual, mask, &attributes)
        isFullscreen = fullscreen
        initialWidth = w
        initialHeight = h
        if manage { savedGeometry = (0, 0, UInt32(max(width, 1)), UInt32(max(height, 1))) }
        setStaticProperties(width: w, height: h)
        if fullscreen && !manage {
            // Before mapping, EWMH lets the client simply state it (the manager reads it on map).
            changeProperty32(d, id, x.atoms.netWMState, XA_ATOM_ATOM, [UInt(x.atoms.netWMStateFullscreen)])
        }
    }

    deinit {
        for c in cursors.values { XFreeCursor(x.display, c) }
    }

    func map() {
        XMapWindow(x.display, id)
        XFlush(x.display)
    }

    private func setStaticProperties(width: Int, height: Int) {
        let d = x.display
        let hints = XAllocSizeHints()!
        hints.pointee.flags = PMinSize | PSize
        hints.pointee.min_width = Int32(AppWindow.minimumWidth)
        hints.pointee.min_height = Int32(AppWindow.minimumHeight)
        hints.pointee.width = Int32(width)
        hints.pointee.height = Int32(height)
        let wm = XAllocWMHints()!
        wm.pointee.flags = InputHint | StateHint
        wm.pointee.input = 1
        wm.pointee.initial_state = NormalState
        let classHint = XAllocClassHint()!
        let name = strdup("convviewer"), klass = strdup("convviewer")
        classHint.pointee.res_name = name
        classHint.pointee.res_class = klass
        // Also sets WM_CLIENT_MACHINE, which EWMH wants beside _NET_WM_PID.
        var args = CommandLine.arguments.map { strdup($0) }
        XSetWMProperties(d, id, nil, nil, &args, Int32(args.count), hints, wm, classHint)
        args.forEach { free($0) }
        free(name); free(klass)
        XFree(hints); XFree(wm); XFree(classHint)

        var protocols = [x.atoms.wmDeleteWindow]
        XSetWMProtocols(d, id, &protocols, 1)
        changeProperty32(d, id, x.atoms.netWMPid, XA_CARDINAL_ATOM, [UInt(getpid())])
    }

    /// Sets WM_NAME and _NET_WM_NAME (both UTF-8); does nothing when the title is unchanged.
    func setTitle(_ newTitle: String) {
        guard newTitle != title else { return }
        title = newTitle
        var utf8 = Array(newTitle.utf8)
        for property in [XA_WM_NAME_ATOM, x.atoms.netWMName, XA_WM_ICON_NAME_ATOM, x.atoms.netWMIconName] {
            XChangeProperty(x.display, id, property, x.atoms.utf8String, 8, PropModeReplace, &utf8, Int32(utf8.count))
        }
    }

    /// F11: asks the window manager through `_NET_WM_STATE`; without one, resizes the window to
    /// the screen and back (with no manager there is no frame to hide).
    func toggleFullscreen() {
        isFullscreen.toggle()
        let d = x.display
        if x.hasWindowManager() {
            requestFullscreenState(isFullscreen)
        } else if isFullscreen {
            var rootReturn: Window = 0
            var gx: Int32 = 0, gy: Int32 = 0
            var w: UInt32 = 0, h: UInt32 = 0, border: UInt32 = 0, dep: UInt32 = 0
            XGetGeometry(d, id, &rootReturn, &gx, &gy, &w, &h, &border, &dep)
            savedGeometry = (gx, gy, w, h)
            XMoveResizeWindow(d, id, 0, 0, UInt32(x.screenWidth), UInt32(x.screenHeight))
            XRaiseWindow(d, id)
        } else if let g = savedGeometry {
            XMoveResizeWindow(d, id, g.x, g.y, g.width, g.height)
        }
        XFlush(d)
    }

    /// Crosshair over a panel, a four-way arrow while panning, the parent's cursor elsewhere.
    func setCursor(_ shape: CursorShape) {
        guard shape != currentCursor else { return }
        currentCursor = shape
        let glyph: UInt32
        switch shape {
        case .normal:
            XUndefineCursor(x.display, id)
            return
        case .crosshair: glyph = UInt32(XC_crosshair)
        case .move: glyph = UInt32(XC_fleur)
        case .hidden: glyph = 0
        }
        let cursor = cursors[shape] ?? (shape == .hidden ? makeInvisibleCursor() : XCreateFontCursor(x.display, glyph))
        cursors[shape] = cursor
        XDefineCursor(x.display, id, cursor)
    }

    /// A cursor with nothing to draw: its 1×1 bitmap and mask are both zero.
    private func makeInvisibleCursor() -> Cursor {
        var zero: CChar = 0
        let bitmap = XCreateBitmapFromData(x.display, id, &zero, 1, 1)
        var foreground = XColor(), background = XColor()
        let cursor = XCreatePixmapCursor(x.display, bitmap, bitmap, &foreground, &background, 0, 0)
        XFreePixmap(x.display, bitmap)
        return cursor
    }

    /// The screen changed size (a monitor swap, `xrandr`) while fullscreen: fill it again. A
    /// window manager re-fits its fullscreen windows itself, but being told again costs nothing;
    /// without one the window is moved and resized by hand.
    func refitFullscreen(screenWidth: Int, screenHeight: Int) {
        guard isFullscreen else { return }
        let d = x.display
        if x.hasWindowManager() {
            requestFullscreenState(true)
        } else {
            XMoveResizeWindow(d, id, 0, 0, UInt32(max(1, screenWidth)), UInt32(max(1, screenHeight)))
            XRaiseWindow(d, id)
        }
        XFlush(d)
    }

    /// Asks the window manager to add or remove `_NET_WM_STATE_FULLSCREEN` (EWMH client message).
    private func requestFullscreenState(_ on: Bool) {
        var event = XEvent()
        event.xclient.type = ClientMessage
        event.xclient.window = id
        event.xclient.message_type = x.atoms.netWMState
        event.xclient.format = 32
        // _NET_WM_STATE_REMOVE = 0, _NET_WM_STATE_ADD = 1; source indication 1 = application.
        event.xclient.data.l = (on ? 1 : 0, Int(x.atoms.netWMStateFullscreen), 0, 1, 0)
        XSendEvent(x.display, x.root, 0, SubstructureRedirectMask | SubstructureNotifyMask, &event)
    }

    /// Takes the keyboard: a kiosk with no window manager has nobody else to give it focus.
    func takeFocus() {
        XSetInputFocus(x.display, id, RevertToParent, 0)
        XFlush(x.display)
    }

    /// Whether a ClientMessage is the window manager asking us to close.
    func isCloseRequest(_ event: XClientMessageEvent) -> Bool {
        event.message_type == x.atoms.wmProtocols && Atom(UInt(bitPattern: event.data.l.0)) == x.atoms.wmDeleteWindow
    }
}

let XA_ATOM_ATOM = Atom(4)

/// Sets a format-32 property: Xlib wants its items as C longs, passed as bytes.
private func changeProperty32(_ d: OpaquePointer, _ w: Window, _ property: Atom, _ type: Atom, _ values: [UInt]) {
    values.withUnsafeBytes { raw in
        _ = XChangeProperty(d, w, property, type, 32, PropModeReplace, raw.bindMemory(to: UInt8.self).baseAddress,
                            Int32(values.count))
    }
}
