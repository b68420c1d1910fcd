import DashboardCore
import TerminalUI

/// The border and title every pane shares; the focused pane is the one emphasised.
extension Canvas {
    /// Draws a pane's box and returns the rectangle inside it.
    mutating func pane(_ pane: PaneID, in state: DashboardState, rect: Rect, title: String) -> Rect {
        let focused = state.focus == pane
        let stale = state.connection.isStale && pane != .activity ? " · stale" : ""
        box(
            rect, title: title + stale, border: focused ? .paneBorderFocused : .paneBorder,
            titleRole: focused ? .paneTitleFocused : .paneTitle)
        return rect.inset(by: 1)
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
}
