import CNcursesw
import TerminalUI

extension CursesScreen {
    /// Makes the screen show `grid`, each cell drawn with `style(cell.role)`.
    ///
    /// The whole grid is drawn into the window every time and ncurses sends only the cells that
    /// differ from what the terminal shows, so an unchanged frame writes nothing; what it does send
    /// leaves in one write. Cells past the screen's edge are clipped; screen cells the grid does not
    /// cover are left blank.
    public func present(_ grid: CellGrid, style: (Role) -> Style) {
        guard isOpen else { return }
        werase(window)
        if repaintPending {
            // Only on request: a full repaint costs the whole screen in bytes and flickers.
            clearok(window, true)
            repaintPending = false
        }
        let rows = min(grid.height, Int(migdash_rows(window)))
        let columns = min(grid.width, Int(migdash_columns(window)))
        var styles = FrameStyles()
        var plan = RowPlan()
        for row in 0..<rows {
            let start = row * grid.width
            plan.plan(grid.cells[start..<start + columns]) { role in
                styles.slot(for: role) { self.drawing(for: style($0)) }
            }
            draw(plan, row: Int32(row), drawings: styles.drawings)
        }
        wnoutrefresh(window)
        collect {
            if resuming {
                keypad(window, true)
                resuming = false
            }
            doupdate()
        }
        // After doupdate, which has flushed ncurses' stream: the controls follow the whole frame.
        releaseControls()
        frames?.send()
    }

    private func draw(_ plan: RowPlan, row: Int32, drawings: [CellDrawing]) {
        plan.characters.withUnsafeBufferPointer { scalars in
            // wchar_t is a 32-bit scalar value on the platforms ncursesw runs on.
            scalars.withMemoryRebound(to: wchar_t.self) { characters in
                guard let base = characters.baseAddress else { return }
                for step in plan.steps {
                    let drawing = drawings[step.slot]
                    let column = Int32(step.column)
                    if step.isGrapheme {
                        _ = migdash_put_cell(
                            window, row, column, base + step.start, drawing.attributes, drawing.pair)
                    } else {
                        _ = migdash_put_run(
                            window, row, column, base + step.start, Int32(step.count), drawing.attributes,
                            drawing.pair)
                    }
                }
            }
        }
    }

    /// The attributes and colour pair of a style, defining the pair with ncurses the first time.
    func drawing(for style: Style) -> CellDrawing {
        if let known = drawingCache[style] { return known }
        let assignment = pairs.pair(foreground: style.foreground, background: style.background)
        if assignment.isNew {
            _ = init_extended_pair(assignment.number, assignment.foreground, assignment.background)
        }
        let drawing = CellDrawing(attributes: CellDrawing.attributes(of: style), pair: assignment.number)
        drawingCache[style] = drawing
        return drawing
    }
}
