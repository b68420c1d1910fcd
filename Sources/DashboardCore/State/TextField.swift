import TerminalUI

/// A line being typed, with a cursor that moves as in a shell: ←/→, Home/End (Ctrl-A/Ctrl-E),
/// Backspace and Delete, Ctrl-U (to the start), Ctrl-K (to the end), Ctrl-W (the word before).
public struct TextField: Sendable, Equatable {
    /// The longest text a field takes: far more than any name, URL or password.
    public static let maximumLength = 1_000

    /// The text.
    public var text: String {
        didSet { cursor = min(cursor, text.count) }
    }
    /// Show bullets instead of the text (passwords).
    public var secret = false
    /// Where the next character goes, in characters from the start.
    public private(set) var cursor: Int

    /// Creates a field with the cursor after its text.
    public init(_ text: String = "", secret: Bool = false) {
        self.text = text
        self.secret = secret
        cursor = text.count
    }

    /// What the dialog shows: the text, or a bullet per character for a secret.
    public var display: String { secret ? String(repeating: "•", count: text.count) : text }

    /// What the dialog shows in `width` columns: with the cursor mark `▏` at its place when the field
    /// has focus, scrolled so the cursor is always in view.
    public func shown(focused: Bool, width: Int) -> String {
        let characters = Array(display)
        guard focused else { return display }
        let before = String(characters[..<cursor])
        let after = String(characters[cursor...])
        var head = before
        // Keep the cursor in view: drop characters from the front while the text before it is too wide.
        while DisplayWidth.of(head) + 1 > max(1, width), !head.isEmpty { head.removeFirst() }
        return (head.count < before.count ? "…" + head.dropFirst() : head) + "▏" + after
    }

    /// Applies an editing key; false when the key is not one a text field uses.
    @discardableResult
    public mutating func edit(_ key: Key) -> Bool {
        var characters = Array(text)
        switch key {
        case .character(let c):
            guard characters.count < Self.maximumLength, !c.isNewline else { return true }
            characters.insert(c, at: cursor)
            cursor += 1
        case .backspace where cursor > 0:
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .delete where cursor < characters.count:
            characters.remove(at: cursor)
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home, .control("a"): cursor = 0
        case .end, .control("e"): cursor = characters.count
        case .control("u"):
            characters.removeSubrange(0..<cursor)
            cursor = 0
        case .control("k"):
            characters.removeSubrange(cursor...)
        case .control("w"):
            var start = cursor
            while start > 0, characters[start - 1] == " " { start -= 1 }
            while start > 0, characters[start - 1] != " " { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
        case .backspace, .delete:
            return true
        default:
            return false
        }
        let position = cursor
        text = String(characters)
        // A combining mark (or the second half of a flag) joins the character before it, so the text
        // can hold fewer characters than were inserted: the cursor never goes past its end.
        cursor = min(position, text.count)
        return true
    }
}
