import TerminalUI

/// A table column: a header, a width, its alignment, and how readily it is narrowed or dropped when
/// space is short.
struct Column: Sendable {
    var header: String
    /// Columns it takes when there is room.
    var width: Int
    var alignRight = false
    /// Lower numbers stay longest; 0 is never dropped.
    var priority = 0
    /// Columns it can be narrowed to before any column is dropped; its `width` when nil.
    var minimumWidth: Int?

    /// The columns that fit in `width` (a space between each). Every column first gives up what it can
    /// spare down to its minimum; if that is not enough, the highest priorities are dropped. The kept
    /// columns then get back their full widths, most needed first, and the last kept column takes the rest.
    static func fit(_ columns: [Column], into width: Int) -> [Column] {
        var kept = columns
        func needed(_ list: [Column]) -> Int {
            list.reduce(0) { $0 + ($1.minimumWidth ?? $1.width) } + max(0, list.count - 1)
        }
        while needed(kept) > width,
            let drop = kept.indices.filter({ kept[$0].priority > 0 }).max(by: {
                kept[$0].priority < kept[$1].priority
            })
        {
            kept.remove(at: drop)
        }
        var spare = width - needed(kept)
        // The most needed columns get back their width first.
        for index in kept.indices.sorted(by: { kept[$0].priority < kept[$1].priority }) {
            let minimum = kept[index].minimumWidth ?? kept[index].width
            let grown = minimum + min(max(0, spare), kept[index].width - minimum)
            spare -= grown - minimum
            kept[index].width = grown
        }
        if let last = kept.indices.last { kept[last].width = max(1, kept[last].width + spare) }
        return kept
    }
}
