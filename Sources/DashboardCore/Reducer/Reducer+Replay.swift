import Foundation
import GitHubMigrations

extension Reducer {
    /// Feeds a whole list to the reducer a hundred at a time, as the runtime delivers it page by page:
    /// for the render benchmark and for tests that start from a known list. Pages the schedule does not
    /// follow (the scope is not watched) are ignored, as their answers would be.
    @discardableResult
    public static func readWholeList(
        _ state: inout DashboardState, _ scope: MigrationScope, _ list: [Migration], at time: Date
    ) -> [Effect] {
        let pages = max(1, (list.count + 99) / 100)
        var effects: [Effect] = []
        for page in 1...pages {
            let items = Array(list.dropFirst((page - 1) * 100).prefix(100))
            let answer = ListPage(items: items, hasNext: page < pages, lastPage: pages > 1 ? pages : nil)
            effects += reduce(&state, .migrationPageLoaded(scope, page: page, answer, at: time))
        }
        return effects
    }
}
