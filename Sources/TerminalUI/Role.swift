/// A semantic style name such as `state.failed` or `pane.border.focused`.
///
/// Code draws with roles; a theme decides what each role looks like. The catalogue of roles
/// lives with the dashboard's core; this type is only the name.
public struct Role: Hashable, Sendable, RawRepresentable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The dotted name.
    public let rawValue: String

    /// Wraps a name.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Wraps a literal name.
    public init(stringLiteral value: String) {
        rawValue = value
    }

    /// The dotted name.
    public var description: String { rawValue }

    /// Plain text on the terminal's default colours.
    public static let normal: Role = "text.normal"
}
