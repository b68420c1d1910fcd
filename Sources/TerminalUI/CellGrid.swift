/// An in-memory screen: what the dashboard draws, what tests read, and what the terminal backend presents.
public struct CellGrid: Sendable, Equatable {
    /// Columns.
    public let width: Int
    /// Rows.
    public let height: Int
    /// Cells row by row.
    public private(set) var cells: [Cell]

    /// A blank grid.
    public init(size: Size, fill: Cell = .blank()) {
        width = max(0, size.width)
        height = max(0, size.height)
        cells = Array(repeating: fill, count: width * height)
    }

    /// The grid's size.
    public var size: Size { Size(width: width, height: height) }

    /// The cell at a column and row.
    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Writes text from (x, y) clipped to `maxWidth` columns and the grid's edge; returns the columns used.
    /// A wide character that would not fit whole is left out rather than split.
    @discardableResult
    public mutating func put(_ text: some StringProtocol, x: Int, y: Int, role: Role, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, x + (maxWidth ?? width))
        var column = x
        for character in text {
            let w = DisplayWidth.of(character)
            if w == 0 { continue }
            if column + w > limit { break }
            if column >= 0 {
                set(column, y, Cell(character, role: role, width: UInt8(w)))
                if w == 2 { set(column + 1, y, Cell(" ", role: role, width: 0)) }
            }
            column += w
        }
        return column - x
    }

    /// Fills a rectangle with one character in one role.
    public mutating func fill(_ rect: Rect, with character: Character = " ", role: Role) {
        let cell = Cell(character, role: role)
        for row in max(0, rect.y)..<min(height, rect.y + rect.height) {
            for column in max(0, rect.x)..<min(width, rect.x + rect.width) { cells[row * width + column] = cell }
        }
    }

    /// Changes the role of the cells in a rectangle, keeping their characters (for highlighting a row).
    public mutating func restyle(_ rect: Rect, role: Role) {
        for row in max(0, rect.y)..<min(height, rect.y + rect.height) {
            for column in max(0, rect.x)..<min(width, rect.x + rect.width) { cells[row * width + column].role = role }
        }
    }

    private mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        guard x >= 0, x < width else { return }
        let index = y * width + x
        if cells[index].width == 2, x + 1 < width { cells[index + 1] = .blank(cell.role) }
        if cells[index].width == 0, x > 0, cells[index - 1].width == 2 { cells[index - 1] = .blank(cell.role) }
        cells[index] = cell
    }
}

extension CellGrid {
    /// One row as text; the right halves of wide characters are skipped so the text reads as on screen.
    public func row(_ y: Int) -> String {
        var line = ""
        for x in 0..<width where self[x, y].width != 0 { line.append(self[x, y].character) }
        return line
    }

    /// The whole screen as text, one line per row, trailing spaces kept.
    public var text: String { (0..<height).map(row).joined(separator: "\n") }

    /// One letter per cell naming its role, for snapshots that check colour without escape codes.
    public func roleMap(_ letter: (Role) -> Character) -> String {
        (0..<height).map { y in String((0..<width).map { letter(self[$0, y].role) }) }.joined(separator: "\n")
    }

    /// True when some row contains the text.
    public func contains(_ text: String) -> Bool {
        (0..<height).contains { row($0).contains(text) }
    }
}
