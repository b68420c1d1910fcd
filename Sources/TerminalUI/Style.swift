/// How a cell looks: colours and attributes. Themes produce styles; code names roles.
public struct Style: Hashable, Sendable {
    /// The text colour.
    public var foreground: Color
    /// The background colour.
    public var background: Color
    /// Bold text.
    public var bold: Bool
    /// Dim text.
    public var dim: Bool
    /// Underlined text.
    public var underline: Bool
    /// Swapped foreground and background; the only emphasis a monochrome terminal has.
    public var reverse: Bool

    /// Creates a style; everything defaults to the terminal's plain text.
    public init(
        foreground: Color = .default, background: Color = .default, bold: Bool = false, dim: Bool = false,
        underline: Bool = false, reverse: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.underline = underline
        self.reverse = reverse
    }

    /// The terminal's plain text.
    public static let plain = Style()
}
