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
    public var next: PaneID {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    /// The pane before this one, wrapping around.
    public var previous: PaneID {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + all.count - 1) % all.count]
    }
}
