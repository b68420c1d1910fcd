/// How the source imports pane is ordered; `s` there cycles through these.
public enum ImportSort: String, CaseIterable, Sendable {
    /// In the order migdash started following them.
    case followed
    /// By repository name.
    case repository
    /// Those that need attention first, then running, then complete.
    case status

    /// The next order.
    public var next: ImportSort { cycled(by: 1) }
}
