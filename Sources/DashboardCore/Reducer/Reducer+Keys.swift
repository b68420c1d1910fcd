import Foundation
import GitHubMigrations
import TerminalUI

extension Reducer {
    /// Routes a key: the filter line and overlays first, then the key table.
    static func reduceKey(_ state: inout DashboardState, _ key: Key) -> [Effect] {
        if key == .resize { return [] }
        // Control keys that leave (Ctrl-C) or suspend (Ctrl-Z) work everywhere, over any dialog.
        if case .control = key, let command = state.keymap.command(for: key) {
            if command == .quit {
                state.quitting = true
                return [.quit]
            }
            if command == .suspend { return [.suspend] }
        }
        if Layout(size: state.size).isTooSmall {
            // The screen shows only "too small": no key may act on a pane or dialog the user cannot see.
            guard state.keymap.command(for: key) == .quit else { return [] }
            state.quitting = true
            return [.quit]
        }
        if state.filterEditing { return filterKey(&state, key) }
        if state.overlay != nil { return overlayKey(&state, key) }
        guard let command = state.keymap.command(for: key) else { return [] }
        return run(&state, command)
    }

    /// Typing in the filter line: the focused pane's list narrows as you type; Enter keeps it, Esc
    /// clears it.
    private static func filterKey(_ state: inout DashboardState, _ key: Key) -> [Effect] {
        let pane = state.focus
        let selected = state.selectedMigration
        let item = state.selectedItem(of: pane)
        var filter = state.filter(of: pane)
        switch key {
        case .enter:
            state.filterEditing = false
        case .escape:
            state.filterEditing = false
            filter = ""
        case .backspace, .character, .control("u"), .control("w"):
            // Edited at its end, as a shell's line: Backspace, Ctrl-U (all of it), Ctrl-W (a word).
            var field = TextField(filter)
            field.edit(key)
            filter = String(field.text.prefix(200))
        default:
            return []
        }
        state.filters[pane] = filter.isEmpty ? nil : filter
        if pane == .migrations {
            rebuildMigrationOrder(&state, keeping: selected)
        } else {
            let count = state.rowCount(pane)
            state.cursors[pane]?.clamp(count: count)
            state.reselect(item, in: pane)
        }
        return []
    }

    /// Keys while an overlay is open.
    private static func overlayKey(_ state: inout DashboardState, _ key: Key) -> [Effect] {
        switch state.overlay {
        case .help(let help):
            return helpKey(&state, key, help)
        case .details(let target, let top):
            if [.escape, .enter, .character("q"), .character("?")].contains(key) { state.overlay = nil }
            if let moved = scroll(key, from: top, of: .details(target, top: top, in: state), keymap: state.keymap) {
                state.overlay = .details(target, top: moved)
            }
            return []
        case .archive(let archiveKey, let top):
            if key == .enter { return openMigrationDetails(&state, archiveKey) }
            if [.escape, .character("q"), .character("?")].contains(key) { state.overlay = nil }
            if let moved = scroll(key, from: top, of: .archive(archiveKey, top: top, in: state), keymap: state.keymap) {
                state.overlay = .archive(archiveKey, top: moved)
            }
            return []
        case .confirm(let confirmation):
            return confirmKey(&state, key, confirmation)
        case .locked(let list):
            return lockedKey(&state, key, list)
        case .lfs(let repo, let choice):
            return lfsKey(&state, key, repo, choice)
        case .newMigration(var form):
            let effects = newMigrationKey(&state, key, &form)
            if case .newMigration = state.overlay { state.overlay = .newMigration(form) }
            return effects
        case .newImport(var form):
            let effects = newImportKey(&state, key, &form)
            if case .newImport = state.overlay { state.overlay = .newImport(form) }
            return effects
        case .authors(var form):
            let effects = authorsKey(&state, key, &form)
            if case .authors = state.overlay { state.overlay = .authors(form) }
            return effects
        case .importCredentials(var form):
            let effects = importCredentialsKey(&state, key, &form)
            if case .importCredentials = state.overlay { state.overlay = .importCredentials(form) }
            return effects
        case .projectChoice(var form):
            let effects = projectChoiceKey(&state, key, &form)
            if case .projectChoice = state.overlay { state.overlay = .projectChoice(form) }
            return effects
        case nil:
            return []
        }
    }

    /// `y` runs the action; `n` or `Esc` cancels. Nothing else closes the question.
    private static func confirmKey(_ state: inout DashboardState, _ key: Key, _ confirmation: Confirmation) -> [Effect]
    {
        switch key {
        case .character("y"), .character("Y"):
            // A question never drawn (typed ahead, or hidden by a too-small terminal) is not answered.
            guard confirmation.seen else { return [] }
            state.overlay = nil
            return confirmed(&state, confirmation.work)
        case .character("n"), .character("N"), .escape:
            state.overlay = nil
            notify(&state, "cancelled")
            return []
        default:
            return []
        }
    }

    /// Choosing the LFS preference: arrows or Tab switch, Enter applies, Esc cancels.
    private static func lfsKey(
        _ state: inout DashboardState, _ key: Key, _ repo: RepositoryName, _ choice: LFSChoice
    ) -> [Effect] {
        switch key {
        case .escape:
            state.overlay = nil
        case .tab, .backTab, .up, .down, .left, .right, .character("j"), .character("k"), .character(" "):
            state.overlay = .lfs(repo, choice: choice == .optIn ? .optOut : .optIn)
        case .enter:
            state.overlay = nil
            return submit(&state, .setLFS(repo, choice))
        default:
            break
        }
        return []
    }
}
