import DashboardCore
import TerminalUI

/// Drawing helpers on a `CellGrid` in theme roles: boxes with titles, padded text, progress bars.
struct Canvas {
    var grid: CellGrid
    /// Set while an overlay draws: roles become their dialog counterparts (`ThemeRole.inDialog`), so no
    /// text inside a dialog falls back to the terminal's background.
    var inDialog = false

    init(size: Size) {
        grid = CellGrid(size: size, fill: .blank(ThemeRole.normal.role))
    }

    /// Writes text clipped to `width` columns.
    @discardableResult
    mutating func text(_ text: String, x: Int, y: Int, width: Int, _ role: ThemeRole) -> Int {
        grid.put(text, x: x, y: y, role: (inDialog ? role.inDialog : role).role, maxWidth: max(0, width))
    }

    /// Fills a rectangle with spaces in a role.
    mutating func fill(_ rect: Rect, _ role: ThemeRole) {
        grid.fill(rect, role: (inDialog ? role.inDialog : role).role)
    }

    /// Draws a box with a title in its top border, and clears its inside.
    mutating func box(_ rect: Rect, title: String, border: ThemeRole, titleRole: ThemeRole, inside: ThemeRole = .normal)
    {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let right = rect.x + rect.width - 1
        let bottom = rect.y + rect.height - 1
        fill(rect.inset(by: 1), inside)
        let horizontal = String(repeating: "─", count: rect.width - 2)
        text("┌" + horizontal + "┐", x: rect.x, y: rect.y, width: rect.width, border)
        text("└" + horizontal + "┘", x: rect.x, y: bottom, width: rect.width, border)
        for row in rect.y + 1..<bottom {
            text("│", x: rect.x, y: row, width: 1, border)
            text("│", x: right, y: row, width: 1, border)
        }
        if !title.isEmpty, rect.width > 6 {
            text(
                " \(DisplayWidth.truncate(title, to: rect.width - 6)) ", x: rect.x + 2, y: rect.y,
                width: rect.width - 4, titleRole)
        }
    }

    /// Marks a row of a pane as selected.
    mutating func highlight(x: Int, y: Int, width: Int, _ role: ThemeRole) {
        grid.restyle(Rect(x: x, y: y, width: width, height: 1), role: (inDialog ? role.inDialog : role).role)
    }

    /// `███████░ 78%` in `width` columns; nothing when the value is unknown.
    mutating func progress(_ percent: Int?, x: Int, y: Int, width: Int) {
        guard let percent, width >= 6 else { return }
        let clamped = min(max(percent, 0), 100)
        let barWidth = width - 5
        let done = barWidth * clamped / 100
        text(String(repeating: "█", count: done), x: x, y: y, width: done, .progressDone)
        text(String(repeating: "░", count: barWidth - done), x: x + done, y: y, width: barWidth - done, .progressTodo)
        text(DisplayWidth.pad("\(clamped)%", to: 5, alignRight: true), x: x + barWidth, y: y, width: 5, .normal)
    }
}
