import TerminalUI

/// One row of the key table: a key and the command it runs.
public struct KeyBinding: Hashable, Sendable {
    /// The key.
    public var key: Key
    /// The command.
    public var command: Command

    /// Creates a binding.
    public init(_ key: Key, _ command: Command) {
        self.key = key
        self.command = command
    }
}
