import TerminalUI

/// Text from outside made safe to draw: no control characters, and a bounded length.
///
/// The curses layer blanks control cells as a last line of defence; texts are cleaned where they are
/// built too, so a log line or a dialog never carries an escape sequence or a bell from GitHub's answers.
public enum ScreenText {
    /// The most characters kept of one outside text; enough for any line a screen can show.
    public static let limit = 1_000

    /// `text` with each control character (C0, DEL, C1) and bidirectional override replaced by a space
    /// (the filter is `TerminalText`'s, shared with every command's output), cut to `limit` characters.
    public static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: TerminalText.isUnsafe) || text.count > limit else { return text }
        return String(TerminalText.safe(text, replacement: " ").prefix(limit))
    }
}
