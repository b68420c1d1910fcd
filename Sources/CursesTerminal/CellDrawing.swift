import CNcursesw
import TerminalUI

/// A resolved style as ncurses takes it: attribute bits and a colour pair number.
struct CellDrawing: Hashable {
    /// `A_BOLD`, `A_DIM`, `A_UNDERLINE`, `A_REVERSE` combined.
    var attributes: attr_t
    /// The colour pair; 0 is the terminal's default colours.
    var pair: Int32

    /// The attribute bits of a style; colours are resolved separately into `pair`.
    static func attributes(of style: Style) -> attr_t {
        var bits = migdash_a_normal()
        if style.bold { bits |= migdash_a_bold() }
        if style.dim { bits |= migdash_a_dim() }
        if style.underline { bits |= migdash_a_underline() }
        if style.reverse { bits |= migdash_a_reverse() }
        return bits
    }
}
