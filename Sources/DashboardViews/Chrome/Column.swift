import TerminalUI

/// A table column: a header, a width, its alignment, and how readily it is dropped when space is short.
struct Column: Sendable {
    var header: String
    var width: Int
    var alignRight = false
    /// Lower numbers stay longest; 0 is never dropped.
    var priority = 0

    /// The columns that fit in `width` (a space between each), dropping the highest priorities first;
    /// the last kept column grows to take the rest.
    static func fit(_ columns: [Column], into width: Int) -> [Column] {
        var kept = columns
        func needed(_ list: [Column]) -> Int { list.reduce(0) { $0 + $1.width } + max(0, list.count - 1) }
        while needed(kept) > width,
            let drop = kept.indices.filter({ kept[$0].priority > 0 }).max(by: {
                kept[$0].priority < kept[$1].priority
            })
        {
            kept.remove(at: drop)
        }
        if let last = kept.indices.last { kept[last].width = max(1, kept[last].width + width - needed(kept)) }
        return kept
    }
}
