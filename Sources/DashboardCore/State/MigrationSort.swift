/// How the migrations pane is ordered; `s` cycles through these.
public enum MigrationSort: String, CaseIterable, Sendable {
    case newest, state, scope, updated

    /// The next order.
    public var next: MigrationSort { cycled(by: 1) }
}
