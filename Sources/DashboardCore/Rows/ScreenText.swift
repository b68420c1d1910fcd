/// Text from outside made safe to draw: no control characters, and a bounded length.
///
/// The curses layer blanks control cells as a last line of defence; texts are cleaned where they are
/// built too, so a log line or a dialog never carries an escape sequence or a bell from GitHub's answers.
public enum ScreenText {
    /// The most characters kept of one outside text; enough for any line a screen can show.
    public static let limit = 1_000

    /// `text` with each control character (C0, DEL, C1) and bidirectional override replaced by a space,
    /// cut to `limit` characters.
    public static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) || text.count > limit else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(isUnsafe(scalar) ? " " : scalar)
        }
        return String(String(scalars).prefix(limit))
    }

    /// Control characters move the cursor or ring; bidi overrides reorder what follows them.
    private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
