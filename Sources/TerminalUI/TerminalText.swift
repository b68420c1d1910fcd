/// Text from outside made safe to write to a terminal: the one filter behind the dashboard's screen, the
/// archive reader's names and every line a command prints.
///
/// A terminal acts on control characters instead of showing them: an escape sequence from a server or
/// an archive could set the clipboard (OSC 52), plant a link (OSC 8), retitle the window or clear the
/// screen, and a bidirectional override could make a name read as something it is not.
public enum TerminalText {
    /// `text` with each C0 control (except newlines, when `keepingNewlines`), DEL, C1 control and
    /// bidirectional override or isolate replaced by `replacement`.
    public static func safe(_ text: String, replacement: Unicode.Scalar = "?", keepingNewlines: Bool = false)
        -> String
    {
        let unsafe = { (scalar: Unicode.Scalar) in isUnsafe(scalar) && !(keepingNewlines && scalar == "\n") }
        guard text.unicodeScalars.contains(where: unsafe) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(unsafe(scalar) ? replacement : scalar)
        }
        return String(scalars)
    }

    /// True for a character a terminal acts on rather than shows, or that reorders what follows it:
    /// C0 (newline and tab included), DEL, C1, U+202A-U+202E and U+2066-U+2069.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
