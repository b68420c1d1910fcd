import Foundation
import GitHubMigrations

/// When to ask GitHub about each thing the dashboard follows, at the interval `PollPlanner` gave it,
/// and, for one that fails, less and less often without holding up the others.
///
/// Each target (the account, each page of each scope's list, a migration followed alone, each source
/// import, the download folder) has its own entry, so one organization answering 403 backs off alone
/// while the rest keep their cadence. The download folder is looked at on this machine, so halts and
/// rate limits do not hold it back.
public struct PollSchedule: Sendable, Equatable {
    /// The longest wait after repeated errors.
    public static let maxBackoff: Double = 120

    /// The targets in the order they are polled: the account, the user, each organization, each import.
    public private(set) var targets: [PollTarget] = []
    private var entries: [PollTarget: PollEntry] = [:]
    /// Set when GitHub refused the token: nothing is sent again until the user asks (`r`), because
    /// repeated bad credentials can lock the account out.
    public var halted: String?
    /// GitHub's refusal as the user reads it, kept with the halt for the commands that end on it.
    public var haltMessage: String?
    /// The primary rate limit is spent until then: nothing is sent before it.
    public var blockedUntil: Date?

    /// An empty schedule.
    public init() {}

    /// Starts following a target, due at once; a target already followed keeps its place.
    public mutating func add(_ target: PollTarget) {
        guard entries[target] == nil else { return }
        targets.append(target)
        entries[target] = PollEntry()
    }

    /// Stops following a target.
    public mutating func remove(_ target: PollTarget) {
        targets.removeAll { $0 == target }
        entries[target] = nil
    }

    /// A target's entry, if it is followed.
    public func entry(_ target: PollTarget) -> PollEntry? { entries[target] }

    /// Stops following every target of a scope (its pages and the migrations followed alone).
    public mutating func removeAll(of scope: MigrationScope) {
        for target in targets where target.scope == scope { entries[target] = nil }
        targets.removeAll { $0.scope == scope }
    }

    /// The targets to ask about at `now`: due, not already asked, nothing halted or blocked; the longest
    /// overdue first, so when the budget holds some back, those waiting longest go next.
    public func due(at now: Date) -> [PollTarget] {
        let githubHeld = halted != nil || (blockedUntil ?? now) > now
        let due = targets.filter { target in
            guard let entry = entries[target], !entry.inFlight, !(githubHeld && target.asksGitHub) else { return false }
            return (entry.dueAt ?? now) <= now
        }
        // A stable sort: targets due at the same time keep the schedule's order.
        return due.enumerated().sorted { a, b in
            let (x, y) = (entries[a.element]?.dueAt ?? .distantPast, entries[b.element]?.dueAt ?? .distantPast)
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
    }

    /// Takes the planner's intervals: page and migration targets come and go with the plan; a target whose
    /// interval changed falls due that long after its last answer (unless it was made due at once).
    public mutating func adopt(_ plan: [PollTarget: PlannedPoll]) {
        for target in targets {
            switch target {
            case .page, .migration: if plan[target] == nil { entries[target] = nil }
            default: break
            }
        }
        targets.removeAll { entries[$0] == nil }
        // New targets join in a readable order (pages by number); sorting only them keeps a replan cheap.
        for target in plan.keys.filter({ entries[$0] == nil }).sorted(by: { Self.order($0) < Self.order($1) }) {
            add(target)
        }
        for (target, planned) in plan {
            guard var entry = entries[target], entry.planned != planned else { continue }
            entry.planned = planned
            if !entry.inFlight, !entry.isFailing, !entry.forced, let last = entry.lastSuccess {
                entry.dueAt = last.addingTimeInterval(planned.interval)
            }
            entries[target] = entry
        }
    }

    /// A sort key that puts new targets in a readable order: pages by number, then single migrations.
    private static func order(_ target: PollTarget) -> String {
        switch target {
        case .page(let scope, let page):
            "1 \(scope) \(String(repeating: "0", count: max(0, 5 - String(page).count)))\(page)"
        case .migration(let key): "2 \(key.scope) \(key.id)"
        default: "3"
        }
    }

    /// The earliest time something falls due, nil when nothing will without a new event.
    public func nextDue(after now: Date) -> Date? {
        let times = targets.compactMap { target -> Date? in
            guard let entry = entries[target], !entry.inFlight else { return nil }
            let due = entry.dueAt ?? now
            guard target.asksGitHub else { return due }
            return halted == nil ? max(due, blockedUntil ?? due) : nil
        }
        return times.min()
    }

    /// How many requests to GitHub are out.
    public var inFlight: Int { targets.filter { $0.asksGitHub && entries[$0]?.inFlight == true }.count }

    /// Marks targets as asked.
    public mutating func sent(_ sent: [PollTarget]) {
        for target in sent {
            entries[target]?.inFlight = true
            entries[target]?.forced = false
        }
    }

    /// A target answered at `time`: its failures are over and it is due again after its planned interval.
    public mutating func succeeded(_ target: PollTarget, at time: Date) {
        guard let interval = entries[target]?.planned.interval else { return }
        succeeded(target, at: time, interval: interval)
    }

    /// A target answered at `time`: its failures are over and it is due again after `interval`.
    public mutating func succeeded(_ target: PollTarget, at time: Date, interval: Double) {
        guard var entry = entries[target] else { return }
        entry.inFlight = false
        entry.failures = 0
        entry.failingSince = nil
        entry.problem = nil
        entry.problemKind = nil
        entry.lastSuccess = time
        entry.dueAt = time.addingTimeInterval(interval)
        entries[target] = entry
    }

    /// A target failed at `time` with `problem`: it is tried again after a wait that doubles with each
    /// failure in a row (5 s, 10 s, … up to two minutes), or at `retryAt` when GitHub said when.
    public mutating func failed(
        _ target: PollTarget, _ error: GitHubError, problem: String, at time: Date, retryAt: Date? = nil
    ) {
        guard var entry = entries[target] else { return }
        entry.inFlight = false
        entry.failures += 1
        entry.failingSince = entry.failingSince ?? time
        entry.problem = problem
        entry.problemKind = error.kind
        entry.dueAt = retryAt ?? time.addingTimeInterval(Self.backoff(failures: entry.failures))
        entries[target] = entry
    }

    /// A request came back without an answer about the target (a halt or a primary limit stopped it):
    /// it is no longer out, and falls due again at `dueAt`.
    public mutating func returned(_ target: PollTarget, dueAt: Date?) {
        entries[target]?.inFlight = false
        entries[target]?.dueAt = dueAt
    }

    /// Makes every target that is not out due at once (`r`), and lifts a halt. Pages of history already
    /// read stay where they are: `r` asks about what can have changed, not about 10,000 finished migrations.
    public mutating func makeAllDue() {
        halted = nil
        haltMessage = nil
        for target in targets {
            guard let entry = entries[target], !entry.inFlight else { continue }
            if entry.planned.pace == .history, entry.lastSuccess != nil { continue }
            makeDue(target)
        }
    }

    /// Makes one target due at once.
    public mutating func makeDue(_ target: PollTarget) {
        entries[target]?.dueAt = nil
        entries[target]?.forced = true
    }

    /// The wait after `failures` failures in a row.
    public static func backoff(failures: Int) -> Double {
        min(maxBackoff, 5 * pow(2, Double(min(max(failures, 1), 16) - 1)))
    }
}

/// One target's standing in the schedule.
public struct PollEntry: Sendable, Equatable {
    /// True while a request about it is out.
    public var inFlight = false
    /// When it is due next; nil means now.
    public var dueAt: Date?
    /// Failures in a row.
    public var failures = 0
    /// When it last answered.
    public var lastSuccess: Date?
    /// When the current run of failures began.
    public var failingSince: Date?
    /// The latest failure, as the user reads it.
    public var problem: String?
    /// The latest failure's kind.
    public var problemKind: GitHubError.Kind?
    /// Its pace and interval in the current plan.
    public var planned = PlannedPoll(pace: .discovery, interval: PollPlanner.discoveryInterval)
    /// True when it was made due at once (`r`, a start to check) and has not been sent since.
    public var forced = false

    /// True while its latest answer was a failure.
    public var isFailing: Bool { failures > 0 }

    /// True when the latest failure was not an answer at all: no connection, or no answer in time.
    public var isUnreachable: Bool { problemKind == .offline || problemKind == .timeout }
}
