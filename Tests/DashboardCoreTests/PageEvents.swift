import DashboardCore
import Foundation
import GitHubMigrations

extension Event {
    /// A scope's list that fits on one page, as it arrives: page 1, no next page.
    static func onlyPage(_ scope: MigrationScope, _ list: [Migration], at time: Date) -> Event {
        precondition(list.count <= 100, "a list of more than 100 comes in pages: use Reducer.readWholeList")
        return .migrationPageLoaded(scope, page: 1, ListPage(items: list, hasNext: false), at: time)
    }

    /// Page 1 of a scope's list, unchanged since it was last read (a 304).
    static func frontUnchanged(_ scope: MigrationScope, at time: Date) -> Event {
        .migrationPageLoaded(scope, page: 1, ListPage(items: nil, hasNext: false), at: time)
    }
}

extension Effect {
    /// The poll of page 1 of a scope's list.
    static func loadFirstPage(_ scope: MigrationScope) -> Effect { .loadMigrationPage(scope, page: 1) }
}
