import Foundation
import GitHubMigrations
import TerminalUI

extension Reducer {
    /// `L`: the list of every repository still locked.
    static func openLockedList(_ state: inout DashboardState) {
        state.overlay = .locked(LockedList())
    }

    /// Keys in the locked list: typing narrows it by name, arrows select, Enter unlocks the selected
    /// repository from every migration that locked it, Ctrl-A every one shown; each after one question.
    static func lockedKey(_ state: inout DashboardState, _ key: Key, _ list: LockedList) -> [Effect] {
        var list = list
        let entries = list.entries(in: state)
        switch key {
        case .escape where !list.filter.isEmpty:
            list = LockedList()
        case .escape:
            state.overlay = nil
            return []
        case .enter, .control("a"):
            guard !state.session.readOnly else {
                notify(&state, "read-only: unlock is disabled")
                return []
            }
            let chosen =
                key == .enter ? (entries.indices.contains(list.selected) ? [entries[list.selected]] : []) : entries
            let wanted = chosen.flatMap { entry in entry.migrations.map { RepositoryMark($0, entry.name) } }
            guard !wanted.isEmpty else {
                notify(&state, "no locked repository to unlock")
                return []
            }
            askUnlock(&state, wanted, skipped: [], of: nil)
            return []
        case .up, .down, .pageUp, .pageDown, .home, .end:
            let page = max(1, DialogPage.locked(list, in: state).visibleLines - 1)
            let delta =
                switch key {
                case .up: -1
                case .down: 1
                case .pageUp: -page
                case .pageDown: page
                case .home: -entries.count
                default: entries.count
                }
            list.selected = min(max(0, list.selected + delta), max(0, entries.count - 1))
        case .backspace:
            if !list.filter.isEmpty { list.filter.removeLast() }
            list.selected = 0
        case .character(let character) where list.filter.count < 100:
            list.filter.append(character)
            list.selected = 0
        default:
            return []
        }
        // The selected line stays in view.
        let visible = DialogPage.locked(list, in: state).visibleLines
        if list.selected < list.top { list.top = list.selected }
        if list.selected >= list.top + visible { list.top = list.selected - visible + 1 }
        state.overlay = .locked(list)
        return []
    }
}
