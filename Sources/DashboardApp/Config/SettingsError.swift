import Foundation

/// Why migdash cannot start with the settings it was given (other than a configuration file's own
/// errors, which are `ConfigError`): one line, never holding a token.
public struct SettingsError: Error, Equatable, CustomStringConvertible {
    /// What is wrong, in words.
    public var reason: String

    /// An error saying `reason`.
    public init(_ reason: String) {
        self.reason = reason
    }

    /// The reason, with control characters made visible: it may quote what a user typed.
    public var description: String { ConfigError.printable(reason) }

    /// Text a user gave (a URL, a path) as it may appear in an error: control characters made
    /// visible by `description`, and cut when it is long enough to bury the reason.
    static func quoted(_ text: String) -> String {
        text.count <= 200 ? text : text.prefix(200) + "…"
    }
}
