import CNcursesw
import Screen

/// One code read by `get_wch`: a character (`OK`, a Unicode code point) or a function key
/// (`KEY_CODE_YES`, one of ncurses' `KEY_*` numbers).
public enum InputCode: Hashable, Sendable {
    case character(UInt32)
    case functionKey(Int32)
}

/// What a code means before the terminal is asked anything more.
public enum DecodedInput: Hashable, Sendable {
    case key(Key)
    /// `KEY_RESIZE`: ncurses has already resized its windows; ask for the new size.
    case resize
    /// `KEY_MOUSE`: the event is waiting in `getmouse`.
    case mouse
    /// A code the app has no use for (Ctrl-@, C1 controls, Insert, unmapped keys).
    case ignored
}

/// Turns ncurses input codes into keys: a pure function, tested without a terminal.
public enum KeyDecoder {
    public static func decode(_ code: InputCode) -> DecodedInput {
        switch code {
        case .character(let value): return key(character: value).map(DecodedInput.key) ?? .ignored
        case .functionKey(KEY_RESIZE): return .resize
        case .functionKey(KEY_MOUSE): return .mouse
        case .functionKey(let value): return key(functionKey: value).map(DecodedInput.key) ?? .ignored
        }
    }

    /// A character code. The terminal is in raw mode with `nonl`, so Enter arrives as 13 and
    /// Ctrl-C as 3 (a key, not SIGINT); Ctrl-H, Ctrl-I, Ctrl-J, Ctrl-M and Ctrl-[ are the same
    /// bytes as Backspace, Tab, Enter and Esc and are reported as those.
    public static func key(character value: UInt32) -> Key? {
        switch value {
        case 8, 127: return .backspace
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(value) + 0x60)))
        case 0, 28...31, 0x80...0x9F: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }  // a lone surrogate
            return .character(Character(scalar))
        }
    }

    /// A function-key code (`KEY_*`).
    public static func key(functionKey value: Int32) -> Key? {
        switch value {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME, KEY_A1: return .home
        case KEY_END, KEY_C1: return .end
        case KEY_PPAGE, KEY_A3: return .pageUp
        case KEY_NPAGE, KEY_C3: return .pageDown
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case trellis_key_f(1)...trellis_key_f(63): return .function(Int(value - trellis_key_f(0)))
        default: return nil
        }
    }

    /// A mouse event's button state (`MEVENT.bstate`): button 1 pressed or clicked is a press,
    /// buttons 4 and 5 are the wheel. Releases and other buttons are not reported.
    public static func mouseKind(buttonState: mmask_t) -> MouseEvent.Kind? {
        if buttonState & (trellis_button1_pressed() | trellis_button1_clicked()) != 0 { return .press }
        if buttonState & trellis_button4_pressed() != 0 { return .wheelUp }
        if buttonState & trellis_button5_pressed() != 0 { return .wheelDown }
        return nil
    }

    /// Appends `key` to `events`, first joining it to a preceding character when the two
    /// form one grapheme cluster: `get_wch` returns code points, so a pasted "é" written as e +
    /// U+0301, or an emoji with U+FE0F or a ZWJ sequence, arrives in pieces.
    public static func append(_ key: Key, to events: inout [TerminalEvent]) {
        if case .character(let next) = key, case .key(.character(let previous))? = events.last {
            let joined = String(previous) + String(next)
            if joined.count == 1, let character = joined.first {
                events[events.count - 1] = .key(.character(character))
                return
            }
        }
        events.append(.key(key))
    }
}
