import Foundation
import GitHubMigrations

/// A migration's state as migdash observed it, once per change.
public struct StateObservation: Sendable, Equatable {
    /// The state seen; nil when the migration left GitHub's list.
    public var state: MigrationState?
    /// When migdash saw it.
    public var at: Date
    /// True when the state was reached before migdash looked (first seen already so, or changed while
    /// migdash was not running): the change happened at some time before `at`.
    public var approximate: Bool

    /// An observation.
    public init(state: MigrationState?, at: Date, approximate: Bool) {
        self.state = state
        self.at = at
        self.approximate = approximate
    }
}
