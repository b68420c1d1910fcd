import Foundation
import TerminalUI

extension Reducer {
    /// Keys in the help overlay: typing narrows the list, Backspace edits, the first Esc clears the
    /// filter and the next closes; Enter closes, and so does `?` before anything is typed. The arrow
    /// and page keys scroll (letters type, so `j` and `k` cannot).
    static func helpKey(_ state: inout DashboardState, _ key: Key, _ help: HelpState) -> [Effect] {
        var help = help
        switch key {
        case .enter:
            state.overlay = nil
            return []
        case .escape,
            .character("?") where help.filter.isEmpty:
            if help.filter.isEmpty {
                state.overlay = nil
                return []
            }
            help = HelpState()
        case .backspace:
            if !help.filter.isEmpty { help.filter.removeLast() }
            help.top = 0
        case .character(let character) where help.filter.count < 40:
            help.filter.append(character)
            help.top = 0
        default:
            guard let moved = scroll(key, from: help.top, of: .help(help, in: state), keymap: nil) else { return [] }
            help.top = moved
        }
        state.overlay = .help(help)
        return []
    }

    /// Where a scroll key moves a dialog of text, nil for any other key: ↑/↓ a line, PgUp/PgDn a
    /// page (less a line, to keep the reader's place), Home/End the ends; with a key table, the keys
    /// bound to moving in lists (`j`, `k`, `g`, `G`) too. Stops at either end.
    static func scroll(_ key: Key, from top: Int, of page: DialogPage, keymap: Keymap?) -> Int? {
        let pageSize = max(1, page.visibleLines - 1)
        let start = page.clamped(top)
        let delta: Int
        switch (key, keymap?.command(for: key)) {
        case (.down, _), (_, .moveDown?): delta = 1
        case (.up, _), (_, .moveUp?): delta = -1
        case (.pageDown, _), (_, .pageDown?): delta = pageSize
        case (.pageUp, _), (_, .pageUp?): delta = -pageSize
        case (.home, _), (_, .first?): delta = -page.lines.count
        case (.end, _), (_, .last?): delta = page.lines.count
        default: return nil
        }
        return page.clamped(start + delta)
    }
}
