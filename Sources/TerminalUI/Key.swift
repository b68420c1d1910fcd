/// A key press, decoded from the terminal into the names the key table uses.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    /// A printable character.
    case character(Character)
    /// Control plus a letter, such as Ctrl-C.
    case control(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    /// A function key, F1 to F12.
    case function(Int)
    /// The terminal changed size.
    case resize

    /// Parses a key name as written in key tables: `q`, `G`, `?`, `Enter`, `Esc`, `Tab`, `Shift-Tab`,
    /// `Up`, `PgDn`, `Ctrl-C`, `F1`, `Space`.
    public init?(name: String) {
        let lower = name.lowercased()
        if let named = Self.named[lower] {
            self = named
        } else if lower.hasPrefix("ctrl-"), name.count == 6, let letter = lower.last, letter.isLetter {
            self = .control(letter)
        } else if lower.hasPrefix("f"), let number = Int(lower.dropFirst()), (1...12).contains(number) {
            self = .function(number)
        } else if name.count == 1, let character = name.first {
            self = .character(character)
        } else {
            return nil
        }
    }

    private static let named: [String: Key] = [
        "up": .up, "down": .down, "left": .left, "right": .right,
        "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown,
        "home": .home, "end": .end, "enter": .enter, "return": .enter,
        "esc": .escape, "escape": .escape, "tab": .tab, "shift-tab": .backTab, "backtab": .backTab,
        "backspace": .backspace, "delete": .delete, "del": .delete, "space": .character(" "),
    ]

    /// The name a key table and the help overlay use for this key.
    public var description: String {
        switch self {
        case .character(" "): "Space"
        case .character(let c): String(c)
        case .control(let c): "Ctrl-\(c.uppercased())"
        case .up: "Up"
        case .down: "Down"
        case .left: "Left"
        case .right: "Right"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .function(let n): "F\(n)"
        case .resize: "Resize"
        }
    }
}
