import Foundation

/// One line of the activity log: a state change, an action taken, or an error.
public struct ActivityEntry: Hashable, Sendable {
    /// What kind of line it is, which decides its colour.
    public enum Kind: Hashable, Sendable {
        case change, action, error, info
    }

    /// When it happened.
    public var time: Date
    /// What kind of line it is.
    public var kind: Kind
    /// The text.
    public var text: String

    /// Creates an entry.
    public init(time: Date, kind: Kind, text: String) {
        self.time = time
        self.kind = kind
        self.text = text
    }
}
