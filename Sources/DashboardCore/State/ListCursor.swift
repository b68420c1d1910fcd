/// The selected row of a list and the first row shown, kept so the selection stays visible.
public struct ListCursor: Hashable, Sendable {
    /// The selected row, clamped to the list.
    public var selected = 0
    /// The first row on screen.
    public var offset = 0

    /// Creates a cursor at the top.
    public init() {}

    /// Moves by `delta` rows within `count` rows.
    public mutating func move(by delta: Int, count: Int) {
        selected = count == 0 ? 0 : min(max(selected + delta, 0), count - 1)
    }

    /// Jumps to the first row.
    public mutating func first() { selected = 0 }

    /// Jumps to the last row.
    public mutating func last(count: Int) { selected = max(count - 1, 0) }

    /// Clamps after the list changed length.
    public mutating func clamp(count: Int) { move(by: 0, count: count) }

    /// Scrolls so the selection is within `visible` rows; returns the new offset.
    public mutating func scroll(visible: Int, count: Int) {
        guard visible > 0 else { return }
        if selected < offset { offset = selected }
        if selected >= offset + visible { offset = selected - visible + 1 }
        offset = min(max(offset, 0), max(count - visible, 0))
    }
}
