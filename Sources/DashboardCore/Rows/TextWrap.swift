import TerminalUI

/// Text broken into lines that fit a number of terminal columns, for dialogs and the activity log.
///
/// Widths are display widths (`DisplayWidth`): a wide character takes two columns and is never split
/// across lines; a word longer than a line (a SHA-256, a URL) is broken wherever the line is full.
public enum TextWrap {
    /// The lines of `text`, each at most `width` columns, broken at spaces where possible and at the
    /// text's own line breaks. At most `limit` lines: when more would follow, the last one ends in `…`.
    public static func lines(_ text: String, width: Int, limit: Int = .max) -> [String] {
        guard width > 0, limit > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            wrap(paragraph, width: width, into: &lines, stopAfter: limit)
            if lines.count > limit { break }
        }
        guard lines.count > limit else { return lines.isEmpty ? [""] : lines }
        lines.removeLast(lines.count - limit)
        let last = lines[limit - 1]
        lines[limit - 1] =
            DisplayWidth.of(last) < width ? last + "…" : DisplayWidth.truncate(last + "…", to: width)
        return lines
    }

    /// Appends the lines of one paragraph, stopping once there are more than `stopAfter` lines in all.
    /// Spaces inside a line are kept as written (`1042 octo-org  pending → exporting`); the spaces
    /// where a line breaks are dropped.
    private static func wrap(
        _ paragraph: Substring, width: Int, into lines: inout [String], stopAfter limit: Int
    ) {
        let before = lines.count
        var line = ""
        var used = 0
        func flush() {
            lines.append(line)
            line = ""
            used = 0
        }
        var rest = paragraph
        // The spaces before the first word indent the first line, as written.
        var gap = rest.prefix { $0 == " " }
        rest = rest.dropFirst(gap.count)
        if gap.count >= width { gap = "" }
        line = String(gap)
        used = gap.count
        var first = true
        while !rest.isEmpty, lines.count <= limit {
            let word = rest.prefix { $0 != " " }
            rest = rest.dropFirst(word.count)
            let wordWidth = DisplayWidth.of(word)
            let separator = first ? "" : String(gap)
            first = false
            gap = rest.prefix { $0 == " " }
            rest = rest.dropFirst(gap.count)
            if used + separator.count + wordWidth <= width {
                line += separator + word
                used += separator.count + wordWidth
                continue
            }
            // An indent the first word does not fit behind is dropped, not left as a line of spaces.
            if used > 0, separator.isEmpty, line.allSatisfy({ $0 == " " }) {
                line = ""
                used = 0
            }
            if used > 0 { flush() }
            if wordWidth <= width {
                line = String(word)
                used = wordWidth
                continue
            }
            // Longer than a line: break it where the line is full, never inside a character.
            for character in word {
                let characterWidth = DisplayWidth.of(character)
                if used > 0, used + characterWidth > width {
                    flush()
                    if lines.count > limit { return }
                }
                line.append(character)
                used += characterWidth
            }
        }
        // An empty paragraph (two line breaks in a row) is an empty line.
        if used > 0 || lines.count == before { flush() }
    }
}
