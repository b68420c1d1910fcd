import DashboardCore
import TerminalUI

/// The border and title every pane shares; the focused pane is the one emphasised.
extension Canvas {
    /// Draws a pane's box and returns the rectangle inside it.
    mutating func pane(_ pane: PaneID, in state: DashboardState, rect: Rect, title: String) -> Rect {
        let focused = state.focus == pane
        let stale = (state.connection.isStale || state.isOverdue) && pane != .activity ? " · stale" : ""
        box(
            rect, title: title + stale, border: focused ? .paneBorderFocused : .paneBorder,
            titleRole: focused ? .paneTitleFocused : .paneTitle)
        return rect.inset(by: 1)
    }

    /// Draws `*` before a marked row (a glyph, so it shows in every theme, monochrome too).
    mutating func markRow(_ item: Marks.Item, in state: DashboardState, x: Int, y: Int) {
        guard state.marks.contains(item) else { return }
        text("*", x: x + 1, y: y, width: 1, .marked)
    }

    /// Draws the selection marker and highlight for a row of a pane.
    mutating func selectRow(_ pane: PaneID, in state: DashboardState, x: Int, y: Int, width: Int) {
        let focused = state.focus == pane
        highlight(x: x, y: y, width: width, focused ? .selection : .selectionUnfocused)
        text("▸", x: x, y: y, width: 1, focused ? .selection : .selectionUnfocused)
    }

    /// A muted line in the middle of an empty pane.
    mutating func emptyMessage(_ message: String, in inner: Rect) {
        guard inner.height > 0 else { return }
        text(message, x: inner.x + 2, y: inner.y + min(1, inner.height - 1), width: inner.width - 3, .muted)
    }

    /// `23/311` in a pane's bottom border when its list is longer than it shows: where the selection is.
    mutating func position(
        of selected: Int, in count: Int, visible: Int, pane: PaneID, _ state: DashboardState, _ rect: Rect
    ) {
        guard count > visible, count > 0, rect.height >= 2 else { return }
        let label = " \(min(selected, count - 1) + 1)/\(count) "
        let width = DisplayWidth.of(label)
        guard rect.width >= width + 4 else { return }
        let focused = state.focus == pane
        text(
            label, x: rect.x + rect.width - 2 - width, y: rect.y + rect.height - 1, width: width,
            focused ? .paneTitleFocused : .paneTitle)
    }
}

/// What a list pane's title adds after its count.
enum PaneFrame {
    /// ` /web` while the pane is filtered (or its filter is being typed), ` · by name` in another
    /// order than the default, and for the migrations pane the scopes whose rows are stale.
    static func listSuffix(_ pane: PaneID, _ state: DashboardState) -> String {
        var suffix = ""
        let filter = state.filter(of: pane)
        if !filter.isEmpty || (state.filterEditing && state.focus == pane) { suffix += " /\(filter)" }
        if let order = state.sortLabel(of: pane) { suffix += " · by \(order)" }
        let marked = state.marks.count(pane)
        if marked > 0 { suffix += " · \(marked) marked" }
        if pane == .migrations, case .partial(let failing) = state.connection {
            suffix += " · \(failing.joined(separator: ", ")) stale"
        }
        return suffix
    }
}
