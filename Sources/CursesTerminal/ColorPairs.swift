import TerminalUI

/// Hands out ncurses colour pairs on demand, one per (foreground, background) after the colours
/// are folded to what the terminal shows.
///
/// Pure bookkeeping: the caller defines each new pair with ncurses. When the terminal's pairs run
/// out, further combinations fall back to pair 0 (default colours) rather than redefining a pair
/// that is on screen, which would recolour text already drawn.
struct ColorPairs {
    /// A pair to draw with.
    struct Assignment: Hashable {
        /// The pair number; 0 means the terminal's default colours.
        var number: Int32
        /// True the first time a number is handed out: the caller must define it.
        var isNew: Bool
        /// The ncurses colour numbers for the pair's foreground and background (-1 = default).
        var foreground: Int32
        /// The background's ncurses colour number.
        var background: Int32
    }

    private struct Colors: Hashable {
        var foreground: Color
        var background: Color
    }

    /// How many colours the terminal shows; fewer than 8 means no colour at all.
    let colorCount: Int
    /// Pairs the terminal has, pair 0 included.
    let pairCount: Int
    /// True when the terminal's own colours are available as -1 (`use_default_colors` succeeded).
    let hasDefaultColors: Bool
    private var numbers: [Colors: Int32] = [:]
    private var next: Int32 = 1

    /// Creates the table for a terminal's capabilities.
    init(colorCount: Int, pairCount: Int, hasDefaultColors: Bool) {
        self.colorCount = colorCount
        self.pairCount = pairCount
        self.hasDefaultColors = hasDefaultColors
    }

    /// The pair for a foreground and background.
    mutating func pair(foreground: Color, background: Color) -> Assignment {
        guard colorCount >= 8 else { return Assignment(number: 0, isNew: false, foreground: -1, background: -1) }
        let colors = Colors(
            foreground: foreground.degraded(toColors: colorCount),
            background: background.degraded(toColors: colorCount))
        let fore = number(of: colors.foreground, isForeground: true)
        let back = number(of: colors.background, isForeground: false)
        if hasDefaultColors, fore == -1, back == -1 {
            return Assignment(number: 0, isNew: false, foreground: fore, background: back)
        }
        if let known = numbers[colors] {
            return Assignment(number: known, isNew: false, foreground: fore, background: back)
        }
        guard Int(next) < pairCount else { return Assignment(number: 0, isNew: false, foreground: -1, background: -1) }
        let assigned = next
        numbers[colors] = assigned
        next += 1
        return Assignment(number: assigned, isNew: true, foreground: fore, background: back)
    }

    /// The ncurses number of a colour already folded to the terminal's palette.
    private func number(of color: Color, isForeground: Bool) -> Int32 {
        switch color {
        case .default:
            // Without default-colour support ncurses needs real numbers: white on black.
            if hasDefaultColors { return -1 }
            return isForeground ? 7 : 0
        case .ansi(let n), .indexed(let n):
            return Int32(n)
        }
    }
}
