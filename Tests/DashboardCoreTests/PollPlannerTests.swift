import DashboardCore
import Foundation
import GitHubMigrations
import Testing

/// The poll planner: what it asks for, and how often, for 0, 1, 20 and 500 moving migrations over 1 and
/// 20 scopes of 500 migrations each (5 pages), within the default budget.
@Suite("The poll planner: cost that follows what moves")
struct PollPlannerTests {
    /// The polling share of the default budget (60 a minute, a sixth kept for what the user asks).
    let budget = RequestBudget().pollingShare

    private func scopes(_ count: Int) -> [(scope: MigrationScope, pages: Int)] {
        (0..<count).map { (.organization(String(format: "org-%02d", $0)), 5) }
    }

    /// `count` moving migrations spread over the first `over` scopes, the newest first: on page 1 while a
    /// scope has fewer than 100 moving, then on page 2.
    private func moving(_ count: Int, over: Int) -> [MigrationKey: Int?] {
        var moving: [MigrationKey: Int?] = [:]
        for index in 0..<count {
            let scope = MigrationScope.organization(String(format: "org-%02d", index % over))
            let rank = index / over
            moving[MigrationKey(scope: scope, id: Int64(10_000 + index))] = rank / 100 + 1
        }
        return moving
    }

    private func count(_ plan: [PollTarget: PlannedPoll], _ pace: PollPace) -> Int {
        plan.values.filter { $0.pace == pace }.count
    }

    @Test(
        "nothing moving: page 1 of each scope every 30 s, history every 15 minutes, within budget",
        arguments: [1, 20])
    func nothingMoves(scopeCount: Int) {
        let plan = PollPlanner.plan(.init(scopes: scopes(scopeCount), budget: budget))
        #expect(count(plan, .fast) == 0)
        #expect(count(plan, .discovery) == scopeCount)
        #expect(count(plan, .history) == scopeCount * 4)
        let discovery = plan[.front(.organization("org-00"))]!.interval
        // 20 scopes at one page every 30 s would be 40 a minute: within the 50 polling may use.
        #expect(discovery == 30)
        // 80 pages of history at 15 minutes would pass a tenth of the budget: they stretch a little.
        let history = plan[.page(.organization("org-00"), 2)]!.interval
        #expect(history >= 900 && history <= max(900, Double(scopeCount * 4) * 60 / (budget / 10)) + 0.001)
        #expect(PollPlanner.rate(plan) <= budget + 0.001)
    }

    @Test("one migration moving on page 1: that page every 3 s, the rest unchanged", arguments: [1, 20])
    func oneMoves(scopeCount: Int) {
        let plan = PollPlanner.plan(.init(scopes: scopes(scopeCount), moving: moving(1, over: 1), budget: budget))
        #expect(plan[.front(.organization("org-00"))] == PlannedPoll(pace: .fast, interval: 3))
        #expect(count(plan, .fast) == 1)
        #expect(count(plan, .discovery) == scopeCount - 1)
        #expect(PollPlanner.rate(plan) <= budget + 0.001)
        #expect(!plan.keys.contains { if case .migration = $0 { true } else { false } }, "page 1 covers it")
    }

    @Test("one migration moving alone on an old page: followed by its own GET, not by re-reading the page")
    func oneMovesDeep() {
        let key = MigrationKey(scope: .organization("org-00"), id: 7)
        let plan = PollPlanner.plan(.init(scopes: scopes(20), moving: [key: 4], budget: budget))
        #expect(plan[.migration(key)] == PlannedPoll(pace: .fast, interval: 3))
        #expect(plan[.page(.organization("org-00"), 4)]?.pace == .history)
        #expect(PollPlanner.rate(plan) <= budget + 0.001)
    }

    @Test("20 moving over 1 scope: page 1 covers them all, every 3 s")
    func twentyInOneScope() {
        let plan = PollPlanner.plan(.init(scopes: scopes(1), moving: moving(20, over: 1), budget: budget))
        #expect(count(plan, .fast) == 1)
        #expect(plan[.front(.organization("org-00"))]?.interval == 3)
        #expect(PollPlanner.rate(plan) <= budget + 0.001)
    }

    @Test("20 moving over 20 scopes: every page 1 is quick, slowed fairly to fit the budget, each within 30 s")
    func twentyOverTwenty() {
        let plan = PollPlanner.plan(.init(scopes: scopes(20), moving: moving(20, over: 20), budget: budget))
        #expect(count(plan, .fast) == 20)
        let intervals = Set(plan.values.filter { $0.pace == .fast }.map(\.interval))
        #expect(intervals.count == 1, "every moving target at the same pace: \(intervals)")
        #expect(intervals.first! > 3 && intervals.first! <= 30)
        #expect(PollPlanner.rate(plan) <= budget + 0.001)
    }

    @Test("500 moving over 1 scope: pages 1 to 5 cover them, five requests a round")
    func fiveHundredInOneScope() {
        let plan = PollPlanner.plan(.init(scopes: scopes(1), moving: moving(500, over: 1), budget: budget))
        #expect(count(plan, .fast) == 5)
        #expect(plan.count == 5, "every page moves, so none is history")
        #expect(PollPlanner.rate(plan) <= budget + 0.001)
        #expect(plan[.front(.organization("org-00"))]!.interval <= 10)
    }

    @Test("500 moving over 20 scopes: 20 pages a round within budget, each page again within a minute")
    func fiveHundredOverTwenty() {
        let plan = PollPlanner.plan(.init(scopes: scopes(20), moving: moving(500, over: 20), budget: budget))
        #expect(count(plan, .fast) == 20, "25 a scope, all on page 1: one request each")
        #expect(PollPlanner.rate(plan) <= budget + 0.001)
        #expect(plan[.front(.organization("org-07"))]!.interval <= 60)
    }

    @Test("many moving alone on old pages, with 20 quiet scopes: discovery keeps its share")
    func discoveryKeepsItsShare() {
        var moving: [MigrationKey: Int?] = [:]
        for index in 0..<200 { moving[MigrationKey(scope: .organization("org-00"), id: Int64(index))] = .some(nil) }
        let plan = PollPlanner.plan(.init(scopes: scopes(20), moving: moving, budget: budget))
        #expect(PollPlanner.rate(plan) <= budget + 0.001)
        // Half of what history leaves goes to the 19 quiet pages 1: each read within a minute.
        #expect(plan[.front(.organization("org-05"))]!.interval <= 60)
        #expect(plan[.migration(MigrationKey(scope: .organization("org-00"), id: 3))]!.pace == .fast)
    }

    @Test(
        "a lower or higher budget stretches or quickens the same plan, and it never passes it",
        arguments: [10, 30, 60, 600])
    func budgets(perMinute: Int) {
        let share = RequestBudget(perMinute: perMinute).pollingShare
        let plan = PollPlanner.plan(.init(scopes: scopes(20), moving: moving(20, over: 20), budget: share))
        #expect(PollPlanner.rate(plan) <= share + 0.001)
        #expect(plan.values.allSatisfy { $0.interval >= 3 })
    }

    @Test("a start being checked makes its scope's page 1 quick; an import running is quick, one waiting is not")
    func writesAndImports() {
        let running = RepositoryName("octocat/legacy-svn")!
        let waiting = RepositoryName("octocat/old-hg")!
        let plan = PollPlanner.plan(
            .init(
                scopes: scopes(2), checkingStarts: [.organization("org-01")], activeImports: [running],
                waitingImports: [waiting], budget: budget))
        #expect(plan[.front(.organization("org-01"))]?.pace == .fast)
        #expect(plan[.front(.organization("org-00"))]?.pace == .discovery)
        #expect(plan[.sourceImport(running)] == PlannedPoll(pace: .fast, interval: 3))
        #expect(plan[.sourceImport(waiting)]?.pace == .discovery)
    }
}
