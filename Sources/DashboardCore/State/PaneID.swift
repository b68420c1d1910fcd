/// The four panes, in focus order.
public enum PaneID: String, CaseIterable, Sendable, Hashable {
    case migrations, repositories, imports, activity

    /// The pane's title.
    public var title: String {
        switch self {
        case .migrations: "Migrations"
        case .repositories: "Repositories"
        case .imports: "Source imports"
        case .activity: "Activity"
        }
    }

    /// The pane after this one, wrapping around.
    public var next: PaneID { cycled(by: 1) }

    /// The pane before this one, wrapping around.
    public var previous: PaneID { cycled(by: -1) }
}
