import TerminalUI

/// How the activity pane lays out its entries: each one wrapped to the pane's width, up to a few lines,
/// so an error's reason can be read where it appears. Shared by the pane (to draw) and the reducer
/// (to keep the selected entry whole on screen), so both count the same lines.
public struct ActivityLines: Sendable, Equatable {
    /// Columns before an entry's text: the selection marker, a space, the time and two spaces.
    public static let textColumn = 12
    /// Columns of an entry's text.
    public var width: Int
    /// Rows the pane shows.
    public var rows: Int
    /// Lines one entry may take; a longer one ends in `…` (`Enter` shows it whole).
    public var limit: Int

    /// The layout of the activity pane of a screen.
    public init(layout: Layout) {
        let pane = layout.panes[.activity] ?? Rect(x: 0, y: 0, width: 0, height: 0)
        self.init(width: pane.width - 2 - Self.textColumn - 1, rows: max(0, pane.height - 2))
    }

    /// The layout of a pane whose text is `width` columns wide and which shows `rows` rows. An entry
    /// takes at most three lines, and never all of a small pane, so another entry stays in sight.
    public init(width: Int, rows: Int) {
        self.width = max(1, width)
        self.rows = rows
        limit = min(3, max(1, rows - 1))
    }

    /// An entry's text as the pane shows it.
    public func lines(_ entry: ActivityEntry) -> [String] {
        TextWrap.lines(entry.text, width: width, limit: limit)
    }

    /// The first entry to show so that the selected one is whole on screen: `offset` if it already is,
    /// else the nearest later start that makes room. Looks at no more entries than fit on screen.
    public func top(keeping selected: Int, from offset: Int, in entries: [ActivityEntry]) -> Int {
        guard entries.indices.contains(selected), rows > 0 else { return max(0, min(offset, selected)) }
        if offset >= selected { return selected }
        var first = selected
        var used = lines(entries[selected]).count
        while first > offset, first > selected - rows {
            let above = lines(entries[first - 1]).count
            if used + above > rows { break }
            used += above
            first -= 1
        }
        return max(first, offset)
    }
}
