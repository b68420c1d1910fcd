import DashboardCore
import Foundation
import GitHubMigrations
import Testing

/// The planner through the reducer, with explicit time: ten minutes of a dashboard watching 10,000
/// finished migrations in 20 organizations while one import runs, every poll answered at once.
@Suite("The poll planner through the reducer: ten minutes at 10,000 migrations")
struct PollBudgetReducerTests {
    let start = StateFixture.now
    let orgs = (1...20).map { $0 == 1 ? "octo-org" : "octo-org-\($0)" }

    /// A connected dashboard whose 20 organizations hold 500 finished migrations each, and one running import.
    private func enterprise() -> DashboardState {
        var state = DashboardState(
            now: start, size: .init(width: 120, height: 40), session: SessionInfo(host: "github.com"))
        _ = Reducer.start(&state)
        _ = Reducer.reduce(&state, .connected(user: "octocat", orgs: orgs, at: start))
        Reducer.readWholeList(&state, .user, [], at: start)
        for (index, org) in orgs.enumerated() {
            var list: [Migration] = []
            for rank in 0..<500 {
                let id = Int64(100_000 + index * 1_000 + 500 - rank)
                let created = -Double(rank) * 600
                list.append(StateFixture.migration(id, .exported, created: created, repos: ["\(org)/r\(rank)"]))
            }
            Reducer.readWholeList(&state, .organization(org), list, at: start)
        }
        let repo = RepositoryName("octocat/legacy-svn")!
        _ = Reducer.reduce(&state, .importsDiscovered([repo]))
        _ = Reducer.reduce(&state, .importLoaded(repo, StateFixture.sourceImport("importing", percent: 40), at: start))
        return state
    }

    /// Ticks once a second for `seconds`, answering every request at once (lists unchanged, the import
    /// still running), and returns the time of each request sent.
    private func run(_ state: inout DashboardState, seconds: Int, from: Date) -> [(Date, Effect)] {
        var sent: [(Date, Effect)] = []
        for second in 0..<seconds {
            let time = from.addingTimeInterval(Double(second))
            var pending = Reducer.reduce(&state, .tick(time))
            while let effect = pending.first {
                pending.removeFirst()
                switch effect {
                case .loadMigrationPage(let scope, let page):
                    sent.append((time, effect))
                    pending += Reducer.reduce(
                        &state,
                        .migrationPageLoaded(scope, page: page, ListPage(items: nil, hasNext: page < 5), at: time))
                case .loadImport(let repo):
                    sent.append((time, effect))
                    pending += Reducer.reduce(
                        &state, .importLoaded(repo, StateFixture.sourceImport("importing", percent: 41), at: time))
                case .loadMigration, .connect, .loadRepositories:
                    sent.append((time, effect))
                default:
                    break
                }
            }
        }
        return sent
    }

    @Test("at most 60 requests in any minute; the import every 3 s, each organization's page 1 within 60 s")
    func tenMinutes() {
        var state = enterprise()
        let from = start.addingTimeInterval(1)
        let sent = run(&state, seconds: 600, from: from)
        for minute in 0..<60 {
            let window = from.addingTimeInterval(Double(minute) * 9)
            let inWindow = sent.filter { $0.0 >= window && $0.0 < window.addingTimeInterval(60) }
            #expect(inWindow.count <= 60, "\(inWindow.count) requests in the minute from \(minute * 9) s")
        }
        let imports = sent.filter { if case .loadImport = $0.1 { true } else { false } }.map(\.0)
        #expect(imports.count >= 180, "the running import is read about every 3 s: \(imports.count) in 10 minutes")
        for org in orgs {
            let reads = sent.filter { $0.1 == .loadMigrationPage(.organization(org), page: 1) }.map(\.0)
            let gaps = zip(reads, reads.dropFirst()).map { $1.timeIntervalSince($0) }
            #expect(reads.count >= 9 && gaps.allSatisfy { $0 <= 60 }, "\(org): page 1 at \(gaps)")
        }
        let history = sent.filter { if case .loadMigrationPage(_, let page) = $0.1 { page > 1 } else { false } }
        #expect(history.count <= 60, "finished history is read rarely: \(history.count) pages in 10 minutes")
    }
}
