import DashboardCore
import TerminalUI

/// Draws the whole dashboard for a state: `render(state) -> CellGrid`. Pure; the terminal backend presents the grid.
public enum DashboardView {
    /// The screen for a state at the state's size.
    public static func render(_ state: DashboardState) -> CellGrid {
        var canvas = Canvas(size: state.size)
        let layout = Layout(size: state.size)
        if layout.isTooSmall {
            drawTooSmall(state.size, on: &canvas)
            return canvas.grid
        }
        HeaderView.draw(state, in: layout.header, on: &canvas)
        MigrationsPane.draw(state, in: layout.panes[.migrations]!, on: &canvas)
        RepositoriesPane.draw(state, in: layout.panes[.repositories]!, on: &canvas)
        ImportsPane.draw(state, in: layout.panes[.imports]!, on: &canvas)
        ActivityPane.draw(state, in: layout.panes[.activity]!, on: &canvas)
        FooterView.draw(state, in: layout.footer, on: &canvas)
        if let overlay = state.overlay { OverlayView.draw(overlay, state: state, on: &canvas) }
        return canvas.grid
    }

    private static func drawTooSmall(_ size: Size, on canvas: inout Canvas) {
        let minimum = Layout.minimum
        let message = "terminal too small: \(size) (need \(minimum))"
        canvas.text(DisplayWidth.truncate(message, to: size.width), x: 0, y: 0, width: size.width, .emphasis)
    }
}
