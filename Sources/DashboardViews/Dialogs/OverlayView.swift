import DashboardCore
import GitHubMigrations
import TerminalUI

/// Draws whatever overlay is open, centred over the panes.
enum OverlayView {
    static func draw(_ overlay: Overlay, state: DashboardState, on canvas: inout Canvas) {
        // Whatever a dialog draws is on the dialog's background, whichever roles its code names.
        canvas.inDialog = true
        defer { canvas.inDialog = false }
        if let page = DialogPage.page(for: overlay, in: state) { return TextDialog.draw(page, on: &canvas) }
        switch overlay {
        case .newMigration(let form): NewMigrationDialog.draw(form, on: &canvas)
        case .newImport(let form): NewImportDialog.draw(form, on: &canvas)
        case .authors(let form): AuthorsDialog.draw(form, on: &canvas)
        case .importCredentials(let form): ImportCredentialsDialog.draw(form, on: &canvas)
        case .projectChoice(let form): ProjectChoiceDialog.draw(form, on: &canvas)
        case .lfs(let repo, let choice): LFSDialog.draw(repo, choice: choice, on: &canvas)
        case .help, .details, .archive, .confirm, .locked: break
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

    /// A `label: text` line for a text field: the cursor mark where the cursor is, the text scrolled so
    /// the cursor stays in view.
    mutating func field(
        _ label: String, _ field: TextField, x: Int, y: Int, width: Int, labelWidth: Int, focused: Bool
    ) {
        text(DisplayWidth.pad(label, to: labelWidth), x: x, y: y, width: labelWidth, .dialog)
        let valueWidth = width - labelWidth - 1
        text(
            DisplayWidth.pad(field.shown(focused: focused, width: valueWidth), to: valueWidth), x: x + labelWidth + 1,
            y: y, width: valueWidth, focused ? .dialogFieldFocused : .dialogField)
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
