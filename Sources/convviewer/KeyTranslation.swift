import CX11
import ConvModel

/// Turns an X key press into the model's action through `KeyMap`.
///
/// NumLock and CapsLock are removed from the state before the keysym is looked up, so they
/// change nothing. Shift counts as a modifier only when it does not change the keysym
/// (Shift+→ is a chord, Shift+i is just `I`).
struct KeyTranslation {
    private var actions: [UInt: [(KeyModifiers, Action)]] = [:]

    /// Builds the keysym table from the key map's names once; unknown names are a bug, caught here.
    init() {
        for command in KeyMap.commands {
            let sym = XStringToKeysym(command.key)
            assert(sym != 0, "no keysym is called \(command.key)")
            actions[UInt(sym), default: []].append((command.modifiers, command.action))
        }
    }

    /// The keysym Xlib gives for this event with the given modifier state.
    private static func keysym(_ event: XKeyEvent, state: UInt32) -> KeySym {
        var copy = event
        copy.state = state
        var sym: KeySym = 0
        var buffer = [CChar](repeating: 0, count: 8)
        _ = XLookupString(&copy, &buffer, Int32(buffer.count), &sym, nil)
        return sym
    }

    /// What the key means, or nil for keys the table does not have (and lone modifier keys).
    func action(for event: XKeyEvent) -> Action? {
        let ignored = UInt32(LockMask | Mod2Mask)
        let state = event.state & ~ignored
        let sym = KeyTranslation.keysym(event, state: state)
        guard sym != 0 else { return nil }
        var modifiers = KeyTranslation.modifiers(state)
        if modifiers.contains(.shift), KeyTranslation.keysym(event, state: state & ~UInt32(ShiftMask)) != sym {
            modifiers.remove(.shift)
        }
        return actions[UInt(sym)]?.first { $0.0 == modifiers }?.1
    }

    static func modifiers(_ state: UInt32) -> KeyModifiers {
        var m: KeyModifiers = []
        if state & UInt32(ShiftMask) != 0 { m.insert(.shift) }
        if state & UInt32(ControlMask) != 0 { m.insert(.control) }
        if state & UInt32(Mod1Mask) != 0 { m.insert(.alt) }
        return m
    }
}
