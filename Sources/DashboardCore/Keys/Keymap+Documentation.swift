/// docs/keybindings.md, generated from the key table so it can never disagree with it.
extension Keymap {
    /// The Markdown page listing every command, its keys and where it works.
    public var markdown: String {
        var lines = [
            "# Key bindings", "",
            "Generated from the key table (`Keymap.defaults`); a test fails when this page is stale.",
            "Override any command's keys under `keys:` in `$XDG_CONFIG_HOME/migdash/config.yml`, e.g. `quit: [q, Q]`.",
            "",
            "| command | keys | what it does | where |", "| --- | --- | --- | --- |",
        ]
        for command in Command.allCases {
            let keys = self.keys(for: command).map { "`\($0)`" }.joined(separator: " ")
            let panes = command.panes.map {
                $0.sorted { $0.rawValue < $1.rawValue }.map(\.title).joined(separator: ", ")
            }
            var summary = command.summary
            if command.isDestructive { summary += " (asks for confirmation)" }
            if command.isMutating { summary += "; disabled by `--readonly`" }
            lines.append("| `\(command.rawValue)` | \(keys) | \(summary) | \(panes ?? "everywhere") |")
        }
        lines += [
            "", "In dialogs: `Tab` moves between fields, `Space` toggles, `Enter` confirms, `Esc` cancels.",
            "In a confirmation: `y` confirms, `n` or `Esc` cancels.",
            "In details and the archive report, the keys of `down`, `up`, `page-down`, `page-up`, `first` and `last`"
                + " (and the arrow, page, `Home` and `End` keys) scroll a dialog taller than the screen.",
            "In the help (`?`), typing filters the list, `Backspace` edits, the first `Esc` clears the filter and the"
                + " next closes; the arrow and page keys scroll.",
            "With rows marked, the keys of `download`, `delete-archive`, `unlock` and `cancel-import` act on every"
                + " marked row after one question, one change a second (see usage.md, \"Acting on many rows at once\").",
            "In the locked list (`locked`), typing narrows it by name, the arrow keys select, `Enter` unlocks the"
                + " selected repository and `Ctrl-A` every one shown, each after one question.", "",
        ]
        return lines.joined(separator: "\n")
    }
}
