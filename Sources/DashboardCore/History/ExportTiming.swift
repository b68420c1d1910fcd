import Foundation

/// When a migration's export started and ended, as migdash observed it: the start is the first time it
/// was seen pending or exporting (or GitHub's `created_at`, when it was first seen already past that),
/// the end the first time it was seen exported. Measured the same way as the journal measures it.
public struct ExportTiming: Sendable, Equatable {
    /// When the export started.
    public var start: Date
    /// True when the start is only the first sighting of a migration already under way: an upper bound.
    public var startApproximate: Bool
    /// The first time it was seen exported; nil while it is not.
    public var end: Date?
    /// True when it became exported while migdash was not watching: the end is a later sighting.
    public var endApproximate: Bool

    /// A timing.
    public init(start: Date, startApproximate: Bool, end: Date? = nil, endApproximate: Bool = false) {
        self.start = start
        self.startApproximate = startApproximate
        self.end = end
        self.endApproximate = endApproximate
    }

    /// How long it took, or has been taking at `now` while `active` (pending or exporting); nil when it
    /// never finished and is not under way (it failed).
    public func span(now: Date, active: Bool) -> ExportSpan? {
        if let end {
            return ExportSpan(
                seconds: max(0, end.timeIntervalSince(start)), approximate: startApproximate || endApproximate,
                finished: true)
        }
        guard active else { return nil }
        return ExportSpan(seconds: max(0, now.timeIntervalSince(start)), approximate: startApproximate, finished: false)
    }

    /// This run's timing completed by what earlier runs saw: their start is the earlier one, and an end
    /// they saw is the first.
    public func completed(by earlier: ExportTiming?) -> ExportTiming {
        guard let earlier else { return self }
        var timing = earlier
        if timing.end == nil {
            timing.end = end
            timing.endApproximate = endApproximate
        }
        return timing
    }
}

/// A measured export: how long, whether it is only an upper bound, and whether it is over.
public struct ExportSpan: Sendable, Equatable {
    /// Seconds from start to end (or to now).
    public var seconds: Double
    /// True when migdash was not watching at the start or the end.
    public var approximate: Bool
    /// False while the migration is still pending or exporting.
    public var finished: Bool

    /// A span.
    public init(seconds: Double, approximate: Bool, finished: Bool) {
        self.seconds = seconds
        self.approximate = approximate
        self.finished = finished
    }

    /// `12m`, or `~12m` when approximate.
    public var text: String { (approximate ? "~" : "") + TimeFormat.duration(seconds) }
}
