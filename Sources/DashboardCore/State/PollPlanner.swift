import Foundation
import GitHubMigrations

/// How quickly a target is asked about again.
public enum PollPace: Sendable, Equatable {
    /// Something on it moves: a migration pending or exporting, an import running, a start being checked.
    case fast
    /// Page 1 of a quiet scope, where migrations started elsewhere appear, and imports waiting for the user.
    case discovery
    /// Older pages of finished migrations: read again rarely, since finished history hardly changes.
    case history
}

/// How often one target is asked about.
public struct PlannedPoll: Sendable, Equatable {
    /// Which class of target it is.
    public var pace: PollPace
    /// Seconds between two polls.
    public var interval: Double

    /// A pace and an interval.
    public init(pace: PollPace, interval: Double) {
        self.pace = pace
        self.interval = interval
    }
}

/// Decides which requests keep the dashboard current at the least cost, within a budget a minute.
///
/// A moving migration is followed through the page it is on when that page holds two or more moving
/// ones (a page of a hundred costs what one migration does), and by its own `GET` when it is alone on
/// an older page. Page 1 of every scope is the discovery sweep. Finished history is read again every
/// 15 minutes at most, within a tenth of the budget. When more moves than the budget allows at the
/// quick cadence, every moving target is slowed by the same factor, and discovery keeps at least half of
/// what is left, so following many exports never hides a migration started elsewhere.
public enum PollPlanner {
    /// Seconds between polls of what moves, when the budget allows.
    public static let fastInterval: Double = 3
    /// Seconds between discovery sweeps of one scope, when the budget allows.
    public static let discoveryInterval: Double = 30
    /// Seconds between readings of one page of history, at the quickest.
    public static let historyInterval: Double = 900
    /// The share of the budget history may take.
    static let historyShare = 0.1
    /// The share of what history leaves that discovery keeps when what moves wants more.
    static let discoveryFloor = 0.5

    /// What a plan is made from, taken from the dashboard's state (or written out by a test).
    public struct Inputs: Sendable {
        /// Each watched scope and the number of pages its list has.
        public var scopes: [(scope: MigrationScope, pages: Int)]
        /// Each moving migration and the page it was last seen on (nil when not known).
        public var moving: [MigrationKey: Int?]
        /// Scopes where a start is out or being checked: their page 1 is read quickly.
        public var checkingStarts: Set<MigrationScope>
        /// Imports that run (or have not answered yet).
        public var activeImports: [RepositoryName]
        /// Imports that wait for the user (credentials, a choice) or have stopped with an error.
        public var waitingImports: [RepositoryName]
        /// Requests a minute the plan may use.
        public var budget: Double

        /// Inputs, all spelled out.
        public init(
            scopes: [(scope: MigrationScope, pages: Int)], moving: [MigrationKey: Int?] = [:],
            checkingStarts: Set<MigrationScope> = [], activeImports: [RepositoryName] = [],
            waitingImports: [RepositoryName] = [], budget: Double
        ) {
            self.scopes = scopes
            self.moving = moving
            self.checkingStarts = checkingStarts
            self.activeImports = activeImports
            self.waitingImports = waitingImports
            self.budget = budget
        }
    }

    /// The plan: each target to poll and how often.
    public static func plan(_ inputs: Inputs) -> [PollTarget: PlannedPoll] {
        var fast: [PollTarget] = []
        var discovery: [PollTarget] = []
        var history: [PollTarget] = []
        var onPage: [MigrationScope: [Int: [MigrationKey]]] = [:]
        for key in inputs.moving.keys.sorted(by: { ($0.scope.description, $0.id) < ($1.scope.description, $1.id) }) {
            if let page = inputs.moving[key] ?? nil, page >= 1 {
                onPage[key.scope, default: [:]][page, default: []].append(key)
            } else {
                fast.append(.migration(key))
            }
        }
        for (scope, count) in inputs.scopes {
            let pages = min(max(count, 1), ScopeListing.maxPages)
            let moving = onPage[scope] ?? [:]
            for page in 1...pages {
                let keys = moving[page] ?? []
                if page == 1 {
                    let quick = !keys.isEmpty || inputs.checkingStarts.contains(scope)
                    quick ? fast.append(.front(scope)) : discovery.append(.front(scope))
                } else if keys.count >= 2 {
                    fast.append(.page(scope, page))
                } else {
                    history.append(.page(scope, page))
                    fast += keys.map(PollTarget.migration)
                }
            }
            // Seen on a page the list no longer has: followed alone until a page shows it again.
            for (page, keys) in moving where page > pages { fast += keys.map(PollTarget.migration) }
        }
        fast += inputs.activeImports.map(PollTarget.sourceImport)
        discovery += inputs.waitingImports.map(PollTarget.sourceImport)
        let intervals = Self.intervals(
            fast: fast.count, discovery: discovery.count, history: history.count, budget: inputs.budget)
        var plan: [PollTarget: PlannedPoll] = [:]
        for target in history { plan[target] = PlannedPoll(pace: .history, interval: intervals.history) }
        for target in discovery { plan[target] = PlannedPoll(pace: .discovery, interval: intervals.discovery) }
        for target in fast { plan[target] = PlannedPoll(pace: .fast, interval: intervals.fast) }
        return plan
    }

    /// Seconds between polls for each pace, given how many targets each has and the budget a minute.
    public static func intervals(fast: Int, discovery: Int, history: Int, budget: Double)
        -> (fast: Double, discovery: Double, history: Double)
    {
        let budget = max(budget, 1)
        let historyRate = min(Double(history) * 60 / historyInterval, budget * historyShare)
        let historyEvery = history > 0 ? max(historyInterval, Double(history) * 60 / historyRate) : historyInterval
        let left = max(budget - historyRate, 0.01)
        let fastDemand = Double(fast) * 60 / fastInterval
        let discoveryDemand = Double(discovery) * 60 / discoveryInterval
        guard fastDemand + discoveryDemand > left else { return (fastInterval, discoveryInterval, historyEvery) }
        let discoveryShare = min(discoveryDemand, max(left * discoveryFloor, left - fastDemand))
        let fastShare = max(left - discoveryShare, 0.01)
        let fastEvery = fast > 0 ? max(fastInterval, Double(fast) * 60 / fastShare) : fastInterval
        let discoveryEvery =
            discovery > 0
            ? max(discoveryInterval, Double(discovery) * 60 / max(discoveryShare, 0.01)) : discoveryInterval
        return (fastEvery, discoveryEvery, historyEvery)
    }

    /// Requests a minute a plan sends in steady state.
    public static func rate(_ plan: [PollTarget: PlannedPoll]) -> Double {
        plan.reduce(0) { $0 + Double($1.key.cost) * 60 / max($1.value.interval, 0.001) }
    }
}
