import TerminalUI

extension DialogPage {
    /// The `L` overlay: one line per locked repository with the migrations holding it, the selected
    /// one marked; the filter typed so far in the footer.
    public static func locked(_ list: LockedList, in state: DashboardState) -> DialogPage {
        let all = LockedList.all(in: state)
        let entries = list.shown(all)
        let total = all.count
        let title =
            list.filter.isEmpty
            ? "Locked repositories (\(total))" : "Locked repositories (\(entries.count) of \(total))"
        let typed = "/" + list.filter + "▏"
        let keys =
            state.session.readOnly
            ? "↑↓ select · Esc close" : "↑↓ select · Enter unlock · Ctrl-A unlock all shown · Esc close"
        let footer: Line = [
            Span(typed, .dialogEmphasis), Span("  " + keys, x: DisplayWidth.of(typed), .dialogMuted),
        ]
        return DialogPage(
            title: title, preferredWidth: 76, screen: state.size, top: list.top, footer: footer, scrollKeys: ""
        ) { width in
            if entries.isEmpty {
                let why =
                    total == 0
                    ? "No repository is locked, as far as migdash knows: GitHub reports no lock state, so this lists "
                        + "the repositories of migrations that locked them and that were not unlocked since."
                    : "no locked repository matches /\(list.filter)"
                return paragraph(why, width: width, .dialogMuted)
            }
            let nameWidth = min(max(entries.map { DisplayWidth.of($0.fullName) }.max() ?? 0, 8), width / 2)
            return entries.enumerated().map { index, entry in
                let selected = index == list.selected
                let ids = entry.migrations.map { "\($0.id)" }.joined(separator: ", ")
                let name = DisplayWidth.pad(DisplayWidth.truncate(entry.fullName, to: nameWidth), to: nameWidth)
                let line = (selected ? "▸ " : "  ") + name + "  locked by " + ids
                return [Span(DisplayWidth.truncate(line, to: width), selected ? .dialogFieldFocused : .dialog)]
            }
        }
    }
}
