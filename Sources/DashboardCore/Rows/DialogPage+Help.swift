import TerminalUI

extension DialogPage {
    /// One command as the help lists it: its keys, what it does, and whether `--readonly` disabled it.
    private struct HelpEntry {
        var keys: String
        var summary: String
        var disabled: Bool
        var unavailable = false
    }

    /// The words after a command that `--readonly` turned off: visible in every theme, monochrome too.
    public static let readOnlyMark = " (read-only)"

    /// The `?` overlay: every command with its keys, narrowed by the filter, in two columns where they
    /// fit. Commands `--readonly` disables say so in words, not only in a dimmer colour.
    public static func help(_ help: HelpState, in state: DashboardState) -> DialogPage {
        let all = Command.allCases.filter { help.filter.isEmpty || matches($0, help.filter, state.keymap) }
        let entries = all.map { command in
            // A command that cannot work at all now (an import command once the API is retired) is
            // dimmed like a read-only one, and its summary says why.
            HelpEntry(
                keys: state.keymap.keys(for: command).map(\.description).joined(separator: " "),
                summary: state.summary(of: command), disabled: command.isMutating && state.session.readOnly,
                unavailable: !state.isAvailable(command))
        }
        let keysWidth = min(14, entries.map { DisplayWidth.of($0.keys) }.max() ?? 0)
        let summaryWidth = entries.map { DisplayWidth.of($0.summary + ($0.disabled ? readOnlyMark : "")) }.max() ?? 0
        let column = keysWidth + 2 + summaryWidth
        let twoColumns = entries.count > 6 && 2 * column + 3 + 4 <= state.size.width - 2
        let title = help.filter.isEmpty ? "Keys" : "Keys (\(entries.count) of \(Command.allCases.count))"
        var footer: Line = [Span("type to filter · Esc close", .dialogMuted)]
        if !help.filter.isEmpty {
            let shown = "/" + help.filter + "▏"
            footer = [
                Span(shown, .dialogEmphasis),
                Span("  Backspace edit · Esc clear", x: DisplayWidth.of(shown), .dialogMuted),
            ]
        }
        return DialogPage(
            title: title, preferredWidth: max(44, (twoColumns ? 2 * column + 3 : column) + 4), screen: state.size,
            top: help.top, footer: footer, scrollKeys: "↑↓ scroll"
        ) { width in
            if entries.isEmpty { return [[Span("no command matches /\(help.filter)", .dialogMuted)]] }
            let columnWidth = twoColumns ? (width - 3) / 2 : width
            let lines = entries.map { helpLines($0, keysWidth: keysWidth, width: columnWidth) }
            guard twoColumns else { return lines.flatMap { $0 } }
            // Down the left column first, then the right, as the key table reads.
            let half = (lines.count + 1) / 2
            return (0..<half).flatMap { row -> [Line] in
                let left = lines[row]
                let right = row + half < lines.count ? lines[row + half] : []
                return (0..<max(left.count, right.count)).map { index in
                    let shifted = (index < right.count ? right[index] : []).map { span in
                        Span(span.text, x: span.x + columnWidth + 3, span.role)
                    }
                    return (index < left.count ? left[index] : []) + shifted
                }
            }
        }
    }

    /// True when the command's name, summary or one of its keys contains the filter, ignoring case.
    static func matches(_ command: Command, _ filter: String, _ keymap: Keymap) -> Bool {
        let needle = filter.lowercased()
        let haystacks = [command.rawValue, command.summary] + keymap.keys(for: command).map(\.description)
        return haystacks.contains { $0.lowercased().contains(needle) }
    }

    /// An entry's lines: its keys, then its summary (and the read-only mark), each wrapped in its column.
    private static func helpLines(_ entry: HelpEntry, keysWidth: Int, width: Int) -> [Line] {
        let summaryX = keysWidth + 2
        let keys = TextWrap.lines(entry.keys, width: max(1, keysWidth))
        let summary = TextWrap.lines(
            entry.summary + (entry.disabled ? readOnlyMark : ""), width: max(1, width - summaryX))
        return (0..<max(keys.count, summary.count)).map { index in
            var line: Line = []
            if index < keys.count { line.append(Span(keys[index], .dialogKey)) }
            if index < summary.count {
                line.append(
                    Span(summary[index], x: summaryX, entry.disabled || entry.unavailable ? .dialogMuted : .dialog))
            }
            return line
        }
    }
}
