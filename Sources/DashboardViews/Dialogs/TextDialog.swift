import DashboardCore
import TerminalUI

/// Draws a dialog of text laid out by the core (`DialogPage`: help, details, archive, a confirmation):
/// the lines scrolled into view, the footer, and in the bottom border which lines show of how many.
enum TextDialog {
    /// Draws a page over the panes.
    static func draw(_ page: DialogPage, on canvas: inout Canvas) {
        let border: ThemeRole = page.danger ? .danger : .dialogBorder
        canvas.box(
            page.box, title: page.title, border: border, titleRole: page.danger ? .danger : .dialogTitle,
            inside: .dialog)
        let inner = page.box.inset(by: 1)
        let left = inner.x + 1
        for (row, line) in page.visible.enumerated() {
            for span in line {
                canvas.text(span.text, x: left + span.x, y: inner.y + row, width: page.textWidth - span.x, span.role)
            }
        }
        for span in page.footer {
            canvas.text(
                span.text, x: left + span.x, y: inner.y + inner.height - 1, width: page.textWidth - span.x, span.role)
        }
        if let position = page.position {
            let label = " \(position) "
            let width = DisplayWidth.of(label)
            let bottom = page.box.y + page.box.height - 1
            if page.box.width >= width + 4 {
                canvas.text(
                    label, x: page.box.x + page.box.width - 2 - width, y: bottom, width: width,
                    page.danger ? .danger : .dialogTitle)
            }
        }
    }
}
