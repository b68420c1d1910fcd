import Foundation

/// How long a migration took to export (or has been exporting), from the times migdash observed.
public struct ExportDuration: Sendable, Equatable {
    /// How many repositories the migration holds.
    public var repositories: Int
    /// Seconds from the start (first seen pending or exporting, else GitHub's `created_at`) to the
    /// first time it was seen exported, or to now while it is still exporting.
    public var seconds: Double
    /// True when migdash was not watching at the start or the end, so the figure is an upper bound.
    public var approximate: Bool
    /// False while the migration is still pending or exporting.
    public var finished: Bool

    /// A duration.
    public init(repositories: Int, seconds: Double, approximate: Bool, finished: Bool) {
        self.repositories = repositories
        self.seconds = seconds
        self.approximate = approximate
        self.finished = finished
    }

    /// Measures a migration's export from its observations (oldest first); nil when it never exported
    /// and is not exporting now (failed, gone, never seen).
    static func measure(
        _ observations: [StateObservation], createdAt: Date?, repositories: Int, now: Date
    ) -> ExportDuration? {
        guard let first = observations.first else { return nil }
        // Seen appearing while watched: our own time. Else GitHub's creation time, when we have it, which is
        // exact though on GitHub's clock; without it the first sighting is all there is.
        let start = first.approximate ? (createdAt ?? first.at) : first.at
        let startApproximate = first.approximate && createdAt == nil
        if let end = observations.first(where: { $0.state == .exported }) {
            return ExportDuration(
                repositories: repositories, seconds: max(0, end.at.timeIntervalSince(start)),
                approximate: end.approximate || startApproximate, finished: true)
        }
        guard let last = observations.last, last.state?.isActive == true else { return nil }
        return ExportDuration(
            repositories: repositories, seconds: max(0, now.timeIntervalSince(start)), approximate: startApproximate,
            finished: false)
    }
}
