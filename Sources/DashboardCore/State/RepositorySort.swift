/// How the repositories pane is ordered; `s` there cycles through these.
public enum RepositorySort: String, CaseIterable, Sendable {
    /// As GitHub listed them.
    case listed = "listing order"
    /// By full name.
    case name
    /// Locked ones first (those still to unlock), then by name.
    case locked = "locked first"

    /// The next order.
    public var next: RepositorySort { cycled(by: 1) }
}
