import DashboardCore
import TerminalUI

/// The bottom line: the keys that work in the focused pane, the filter being typed, or a notice.
enum FooterView {
    static func draw(_ state: DashboardState, in rect: Rect, on canvas: inout Canvas) {
        canvas.fill(rect, .footer)
        if state.filterEditing {
            let x = rect.x + canvas.text(" / ", x: rect.x, y: rect.y, width: rect.width, .footerKey)
            let used = canvas.text(
                state.filter(of: state.focus) + "▏", x: x, y: rect.y, width: rect.width - 3, .emphasis)
            canvas.text(
                "   Enter keep · Esc clear · Ctrl-W word", x: x + used, y: rect.y, width: rect.width - (x + used),
                .footer)
            return
        }
        var shown = hints(state)
        func width(_ hints: [(String, String)]) -> Int {
            hints.reduce(1) { $0 + DisplayWidth.of($1.0) + DisplayWidth.of($1.1) + 3 }
        }
        // Help and quit come last but are the last to go: a narrow terminal still shows the way out.
        while width(shown) > rect.width - noticeWidth(state), shown.count > 2 { shown.remove(at: shown.count - 3) }
        var x = rect.x + 1
        let hintsWidth = width(shown)
        for (key, label) in shown {
            let needed = DisplayWidth.of(key) + DisplayWidth.of(label) + 3
            x += canvas.text(key, x: x, y: rect.y, width: needed, .footerKey)
            x += canvas.text(" " + label + "  ", x: x, y: rect.y, width: max(0, rect.x + rect.width - x), .footer)
        }
        if let notice = state.notice?.text {
            // The notice has what the kept hints leave, at least half the line.
            let width = min(DisplayWidth.of(notice) + 1, max(rect.width / 2, rect.width - hintsWidth))
            canvas.text(
                DisplayWidth.truncate(notice, to: width - 1), x: rect.x + rect.width - width, y: rect.y, width: width,
                .emphasis)
        }
    }

    /// The keys the footer offers while rows are marked.
    private static let batchKeys: Set<Command> = [
        .download, .deleteArchive, .unlock, .cancelImport, .clearMarks, .help, .quit,
    ]

    private static func noticeWidth(_ state: DashboardState) -> Int {
        state.notice.map { DisplayWidth.of($0.text) + 2 } ?? 0
    }

    /// The (key, label) pairs for the focused pane, from the key table, mutating ones left out when read-only.
    static func hints(_ state: DashboardState) -> [(String, String)] {
        if state.overlay != nil { return [] }
        // With rows marked, what can be done to them comes first, and the way to unmark stays in view.
        let marked = state.markedInFocus > 0
        return Command.allCases.compactMap { command in
            guard command.isHinted(in: state.focus), !(command.isMutating && state.session.readOnly),
                !marked || Self.batchKeys.contains(command),
                let key = state.keymap.keys(for: command).first, let hint = state.hint(of: command)
            else { return nil }
            return (key.description, hint)
        }
    }
}
