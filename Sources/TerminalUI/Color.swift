/// A terminal colour: the terminal's default, one of the 16 ANSI colours, or a 256-colour index.
public enum Color: Hashable, Sendable {
    /// Whatever the terminal uses by default.
    case `default`
    /// An ANSI colour 0-15 (8-15 are the bright variants).
    case ansi(UInt8)
    /// An xterm 256-colour index.
    case indexed(UInt8)

    /// The ANSI names themes may use.
    public static let names: [String: Color] = [
        "default": .default, "black": .ansi(0), "red": .ansi(1), "green": .ansi(2), "yellow": .ansi(3),
        "blue": .ansi(4), "magenta": .ansi(5), "cyan": .ansi(6), "white": .ansi(7),
        "bright-black": .ansi(8), "gray": .ansi(8), "grey": .ansi(8), "bright-red": .ansi(9),
        "bright-green": .ansi(10), "bright-yellow": .ansi(11), "bright-blue": .ansi(12),
        "bright-magenta": .ansi(13), "bright-cyan": .ansi(14), "bright-white": .ansi(15),
    ]

    /// Parses `red`, `bright-blue`, `default` or a number 0-255.
    public init?(name: String) {
        let lower = name.lowercased()
        if let named = Self.names[lower] {
            self = named
        } else if let number = UInt8(lower) {
            self = number < 16 ? .ansi(number) : .indexed(number)
        } else {
            return nil
        }
    }

    /// The closest colour on a terminal with only `count` colours (8 or 16): bright variants fold
    /// onto their base colours and 256-colour indices onto the nearest ANSI colour.
    public func degraded(toColors count: Int) -> Color {
        switch self {
        case .default: return .default
        case .ansi(8) where count < 16: return .default  // grey would become black: invisible on dark screens
        case .ansi(let n): return count >= 16 || n < 8 ? self : .ansi(n - 8)
        case .indexed(let n):
            if count >= 256 { return self }
            return Color.ansi(Self.nearestANSI(n)).degraded(toColors: count)
        }
    }

    private static func nearestANSI(_ index: UInt8) -> UInt8 {
        if index < 16 { return index }
        if index >= 232 { return index < 244 ? 0 : 7 }
        let cube = Int(index) - 16
        let (r, g, b) = (cube / 36, (cube / 6) % 6, cube % 6)
        let bright = max(r, g, b) >= 4
        let bits = UInt8((r >= 2 ? 1 : 0) | (g >= 2 ? 2 : 0) | (b >= 2 ? 4 : 0))
        return bits + (bright && bits != 0 ? 8 : 0)
    }
}
