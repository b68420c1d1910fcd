import CNcursesw
import TerminalUI

/// Turns what `wget_wch` returns into the dashboard's keys.
enum CursesKeyDecoder {
    /// The key for a code: a curses key code when `isFunctionKey` (`KEY_CODE_YES`), otherwise a
    /// character; nil for codes the dashboard has no name for.
    static func key(code: UInt32, isFunctionKey: Bool) -> Key? {
        isFunctionKey ? functionKey(Int32(bitPattern: code)) : character(code)
    }

    private static let functionKeys: [Int32: Key] = [
        KEY_RESIZE: .resize,
        KEY_UP: .up, KEY_DOWN: .down, KEY_LEFT: .left, KEY_RIGHT: .right,
        KEY_PPAGE: .pageUp, KEY_NPAGE: .pageDown, KEY_HOME: .home, KEY_END: .end,
        // Terminals with a VT220 keypad send Find and Select for the keys labelled Home and End.
        KEY_FIND: .home, KEY_SELECT: .end,
        KEY_ENTER: .enter, KEY_BTAB: .backTab, KEY_BACKSPACE: .backspace, KEY_DC: .delete,
    ]

    private static func functionKey(_ code: Int32) -> Key? {
        if let key = functionKeys[code] { return key }
        let number = code - migdash_key_f(0)
        return (1...12).contains(number) ? .function(Int(number)) : nil
    }

    private static func character(_ code: UInt32) -> Key? {
        switch code {
        case 13, 10: return .enter
        case 27: return .escape
        case 9: return .tab
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(code) + 0x60)))
        case 0..<0x20, 0x80..<0xA0: return nil
        default: return Unicode.Scalar(code).map { .character(Character($0)) }
        }
    }
}
