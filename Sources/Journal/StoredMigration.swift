import Foundation

/// The parts of a migration's row that a new reading is compared with.
struct StoredMigration {
    /// The row's id, which observations point to.
    var id: Int64
    /// The flags as stored.
    var flags: String
    /// The repository count as stored.
    var repositoryCount: Int?
    /// The repository names as stored.
    var repositories: String?
    /// The last state observed; nil when it left the list (every row has an observation).
    var lastState: String?
    /// When the last state was observed.
    var lastObservedAt: Date?

    /// True when the last observation was made after `time`.
    func isNewer(than time: Date) -> Bool {
        lastObservedAt.map { $0 > time } ?? false
    }
}
