import TerminalUI

/// The drawing calls for one row of a grid: runs of narrow characters that share a style, and
/// single graphemes (wide characters, combining sequences) each placed at its own column.
///
/// Runs make a frame cheap (one call per stretch of text, not per cell). Anything whose width
/// ncurses could measure differently from `DisplayWidth` gets its own call at its own column, so
/// a disagreement about one character cannot shift the rest of the row.
struct RowPlan {
    /// One drawing call.
    struct Step: Equatable {
        /// The column the call starts at.
        var column: Int
        /// Where the call's characters start in `characters`.
        var start: Int
        /// How many characters the call draws, the terminating zero not counted.
        var count: Int
        /// The frame's number for the style (see `FrameStyles`).
        var slot: Int
        /// True for one grapheme (a cell of its own), false for a run of narrow characters.
        var isGrapheme: Bool
    }

    /// The characters of every step, each step's followed by a zero (the wide-character API wants C strings).
    private(set) var characters: [UInt32] = []
    /// The calls, left to right.
    private(set) var steps: [Step] = []
    /// The run being extended, kept out of `steps` so that adding a character is one append.
    private var openRun: Step?

    /// Scalars below this are narrow in every terminal this supports; from here on (CJK radicals
    /// and beyond) a cell is placed on its own.
    private static let narrowLimit: UInt32 = 0x2E80

    /// Plans `cells` (one row, already clipped to the screen) with `slot` numbering each role.
    mutating func plan(_ cells: ArraySlice<Cell>, slot: (Role) -> Int) {
        characters.removeAll(keepingCapacity: true)
        steps.removeAll(keepingCapacity: true)
        openRun = nil
        var lastRole: String?
        var lastSlot = 0
        // An index loop over the buffer, not `enumerated()`: it keeps debug builds fast enough too.
        cells.withUnsafeBufferPointer { row in
            for column in 0..<row.count {
                let cell = row[column]
                // The right half of a wide character: ncurses fills it when it draws the left half.
                if cell.width == 0 { continue }
                if cell.role.rawValue != lastRole {
                    lastRole = cell.role.rawValue
                    lastSlot = slot(cell.role)
                }
                if let scalar = Self.narrowScalar(of: cell) {
                    appendToRun(scalar, column: column, slot: lastSlot)
                } else if cell.width == 2 && column + 1 >= row.count {
                    // A wide character cut by the right edge would wrap in ncurses: draw a blank instead.
                    appendToRun(0x20, column: column, slot: lastSlot)
                } else {
                    appendGrapheme(cell.character, column: column, slot: lastSlot)
                }
            }
        }
        closeRun()
    }

    /// The scalar of a cell that can join a run, with control characters turned into spaces.
    private static func narrowScalar(of cell: Cell) -> UInt32? {
        // Iterating scalars is several times faster than `Character.asciiValue`, which matters
        // here: this runs for every cell of every frame.
        var scalars = cell.character.unicodeScalars.makeIterator()
        guard let scalar = scalars.next() else { return 0x20 }
        let value = scalar.value
        if Self.isControl(value) { return 0x20 }
        guard scalars.next() == nil else { return nil }
        if value < 0x7F { return value }
        guard cell.width == 1 else { return nil }
        // Latin, Greek, Cyrillic letters and box drawing, the common cases, need no table lookup.
        if value < 0x300 || (value >= 0x2500 && value <= 0x257F) { return value }
        return value < narrowLimit && DisplayWidth.of(scalar) == 1 ? value : nil
    }

    /// C0 and C1 control characters, which would move the cursor instead of drawing.
    private static func isControl(_ value: UInt32) -> Bool {
        value < 0x20 || (value >= 0x7F && value < 0xA0)
    }

    private mutating func appendToRun(_ scalar: UInt32, column: Int, slot: Int) {
        // A run grows only with the next column in the same style; anything else starts a new call.
        if let run = openRun, run.slot == slot, run.column + run.count == column {
            openRun?.count += 1
        } else {
            closeRun()
            openRun = Step(column: column, start: characters.count, count: 1, slot: slot, isGrapheme: false)
        }
        characters.append(scalar)
    }

    private mutating func closeRun() {
        guard let run = openRun else { return }
        steps.append(run)
        characters.append(0)
        openRun = nil
    }

    private mutating func appendGrapheme(_ character: Character, column: Int, slot: Int) {
        closeRun()
        let start = characters.count
        // ncurses keeps a spacing character and up to four combining ones; a grapheme that starts
        // with a zero-width scalar would be glued onto the previous cell, so it is drawn as a blank.
        for scalar in character.unicodeScalars.prefix(5) {
            let value = scalar.value
            if Self.isControl(value) { continue }
            if characters.count == start && DisplayWidth.of(scalar) == 0 { break }
            characters.append(value)
        }
        if characters.count == start { characters.append(0x20) }
        steps.append(
            Step(column: column, start: start, count: characters.count - start, slot: slot, isGrapheme: true))
        characters.append(0)
    }
}
