/// How the migrations pane is ordered; `s` cycles through these.
public enum MigrationSort: String, CaseIterable, Sendable {
    case newest, state, scope, updated
    /// Archives that expire soonest first, then the rest, newest first.
    case timeLeft = "time left"
    /// Archives still to download, soonest to expire first, then the rest, newest first.
    case notDownloaded = "not downloaded"

    /// The next order.
    public var next: MigrationSort { cycled(by: 1) }
}
