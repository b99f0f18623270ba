import CX11
import ConvModel

/// Turns an X key press into the model's action through `KeyMap`.
///
/// CapsLock is removed from the state before the keysym is looked up, so `f` stays `f`. NumLock
/// is left in for the lookup (it is what makes the keypad type digits) but, like CapsLock, never
/// counts as a modifier. Shift counts only when it does not change the keysym (Shift+→ is a
/// chord, Shift+i is just `I`). The key map decides in the state's modes (a selected weight,
/// paused), so the same key can mean different things.
struct KeyTranslation {
    /// Keysym → the name the key map uses, for every key any of its tables mentions.
    private var names: [UInt: String] = [:]

    /// Builds the keysym table from the key map's names once; an unknown name is a bug, caught here.
    init() {
        for key in KeyMap.allCommands.map(\.key) + Kiosk.quitChordKeys + LearnKeyMap.keyNames {
            let sym = XStringToKeysym(key)
            assert(sym != 0, "no keysym is called \(key)")
            names[UInt(sym)] = key
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

    /// What the key means in `state`, or nil for keys the tables do not have (and lone modifier keys).
    func action(for event: XKeyEvent, in state: AppState) -> Action? {
        guard let c = chord(for: event) else { return nil }
        return KeyMap.action(key: c.key, modifiers: c.modifiers, in: state)
    }

    /// The key's name as the tables spell it and the modifiers that count, or nil for keys the
    /// tables do not have (and lone modifier keys).
    func chord(for event: XKeyEvent) -> (key: String, modifiers: KeyModifiers)? {
        let lookupState = event.state & ~UInt32(LockMask)
        let sym = KeyTranslation.keysym(event, state: lookupState)
        guard sym != 0, let name = names[UInt(sym)] else { return nil }
        var modifiers = KeyTranslation.modifiers(lookupState)
        if modifiers.contains(.shift), KeyTranslation.keysym(event, state: lookupState & ~UInt32(ShiftMask)) != sym {
            modifiers.remove(.shift)
        }
        return (name, modifiers)
    }

    /// Shift, Control and Alt (Mod1); the lock modifiers are not among them.
    static func modifiers(_ state: UInt32) -> KeyModifiers {
        var m: KeyModifiers = []
        if state & UInt32(ShiftMask) != 0 { m.insert(.shift) }
        if state & UInt32(ControlMask) != 0 { m.insert(.control) }
        if state & UInt32(Mod1Mask) != 0 { m.insert(.alt) }
        return m
    }
}
