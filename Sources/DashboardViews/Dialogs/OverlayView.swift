import DashboardCore
import GitHubMigrations
import TerminalUI

/// Draws whatever overlay is open, centred over the panes.
enum OverlayView {
    static func draw(_ overlay: Overlay, state: DashboardState, on canvas: inout Canvas) {
        // Whatever a dialog draws is on the dialog's background, whichever roles its code names.
        canvas.inDialog = true
        defer { canvas.inDialog = false }
        switch overlay {
        case .help: HelpOverlay.draw(state, on: &canvas)
        case .confirm(let confirmation): ConfirmDialog.draw(confirmation, on: &canvas)
        case .details(let target): DetailsOverlay.draw(target, state: state, on: &canvas)
        case .archive(let key): ArchiveOverlay.draw(key, state: state, on: &canvas)
        case .newMigration(let form): NewMigrationDialog.draw(form, on: &canvas)
        case .newImport(let form): NewImportDialog.draw(form, on: &canvas)
        case .authors(let form): AuthorsDialog.draw(form, on: &canvas)
        case .lfs(let repo, let choice): LFSDialog.draw(repo, choice: choice, on: &canvas)
        }
    }
}

extension Canvas {
    /// Draws a centred dialog box of at most `width` x `height` and returns its inside.
    mutating func dialog(width: Int, height: Int, title: String, danger: Bool = false) -> Rect {
        let w = min(width, grid.width - 2)
        let h = min(height, grid.height - 2)
        let rect = Rect(x: (grid.width - w) / 2, y: (grid.height - h) / 2, width: w, height: h)
        box(
            rect, title: title, border: danger ? .danger : .dialogBorder, titleRole: danger ? .danger : .dialogTitle,
            inside: .dialog)
        return rect.inset(by: 1)
    }

    /// A `label: value` line inside a dialog; the focused field is highlighted.
    mutating func field(_ label: String, _ value: String, x: Int, y: Int, width: Int, labelWidth: Int, focused: Bool) {
        text(DisplayWidth.pad(label, to: labelWidth), x: x, y: y, width: labelWidth, .dialog)
        let valueWidth = width - labelWidth - 1
        text(
            DisplayWidth.pad(value + (focused ? "▏" : ""), to: valueWidth), x: x + labelWidth + 1, y: y,
            width: valueWidth, focused ? .dialogFieldFocused : .dialogField)
    }

    /// The bottom line of a dialog: its keys, and a problem that stops submitting.
    mutating func dialogFooter(_ keys: String, problem: String?, in inner: Rect) {
        let y = inner.y + inner.height - 1
        text(keys, x: inner.x + 1, y: y, width: inner.width - 2, .dialogMuted)
        if let problem {
            text(problem, x: inner.x + 1, y: y - 1, width: inner.width - 2, .dialogError)
        }
    }
}

/// The `?` overlay: the key table, generated from the keymap.
enum HelpOverlay {
    static func draw(_ state: DashboardState, on canvas: inout Canvas) {
        let commands = Command.allCases
        let inner = canvas.dialog(width: 64, height: commands.count / 2 + 6, title: "Keys")
        let half = (commands.count + 1) / 2
        for (index, command) in commands.enumerated() {
            let column = index / half
            let x = inner.x + 1 + column * (inner.width / 2)
            let y = inner.y + index % half
            guard y < inner.y + inner.height - 1 else { continue }
            let keys = state.keymap.keys(for: command).map(\.description).joined(separator: " ")
            let dimmed = command.isMutating && state.session.readOnly
            canvas.text(DisplayWidth.pad(keys, to: 10), x: x, y: y, width: 10, .footerKey)
            canvas.text(command.summary, x: x + 11, y: y, width: inner.width / 2 - 12, dimmed ? .muted : .dialog)
        }
        canvas.dialogFooter("Esc or ? to close", problem: nil, in: inner)
    }
}

/// The question before a destructive action.
enum ConfirmDialog {
    static func draw(_ confirmation: Confirmation, on canvas: inout Canvas) {
        let width = max(44, DisplayWidth.of(confirmation.consequence) + 6)
        let inner = canvas.dialog(width: width, height: 7, title: "Confirm", danger: true)
        canvas.text(confirmation.question, x: inner.x + 1, y: inner.y, width: inner.width - 2, .emphasis)
        canvas.text(confirmation.consequence, x: inner.x + 1, y: inner.y + 1, width: inner.width - 2, .dialog)
        canvas.dialogFooter("y confirm · n or Esc cancel", problem: nil, in: inner)
    }
}

/// Choosing whether an import stores large files in Git LFS.
enum LFSDialog {
    static func draw(_ repo: RepositoryName, choice: LFSChoice, on canvas: inout Canvas) {
        let inner = canvas.dialog(width: 56, height: 8, title: "Git LFS for \(repo)")
        let options: [(LFSChoice, String)] = [
            (.optIn, "opt_in: store files over 100 MB in Git LFS"), (.optOut, "opt_out: leave them out"),
        ]
        for (index, (value, label)) in options.enumerated() {
            let focused = value == choice
            canvas.text(
                (focused ? "● " : "○ ") + label, x: inner.x + 1, y: inner.y + index, width: inner.width - 2,
                focused ? .dialogFieldFocused : .dialog)
        }
        canvas.dialogFooter("↑↓ choose · Enter apply · Esc cancel", problem: nil, in: inner)
    }
}
