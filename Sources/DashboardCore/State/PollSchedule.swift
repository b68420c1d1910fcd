import Foundation
import GitHubMigrations

/// When to ask GitHub about each thing the dashboard follows: often while something moves, rarely
/// when all is finished, and, for one that fails, less and less often without holding up the others.
///
/// Each target (the account, each scope's migrations, each source import, the download folder) has
/// its own entry, so one organization answering 403 backs off alone while the rest keep their cadence.
/// The download folder is looked at on this machine, so halts and rate limits do not hold it back.
public struct PollSchedule: Sendable, Equatable {
    /// Seconds between polls while a migration or import is in progress.
    public static let activeInterval: Double = 3
    /// Seconds between polls when everything is finished.
    public static let idleInterval: Double = 45
    /// The longest wait after repeated errors.
    public static let maxBackoff: Double = 120

    /// The targets in the order they are polled: the account, the user, each organization, each import.
    public private(set) var targets: [PollTarget] = []
    private var entries: [PollTarget: PollEntry] = [:]
    /// Set when GitHub refused the token: nothing is sent again until the user asks (`r`), because
    /// repeated bad credentials can lock the account out.
    public var halted: String?
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

    /// The targets to ask about at `now`: due, not already asked, nothing halted or blocked.
    public func due(at now: Date) -> [PollTarget] {
        let githubHeld = halted != nil || (blockedUntil ?? now) > now
        return targets.filter { target in
            guard let entry = entries[target], !entry.inFlight, !(githubHeld && target.asksGitHub) else { return false }
            return (entry.dueAt ?? now) <= now
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

    /// How many requests are out.
    public var inFlight: Int { entries.values.filter(\.inFlight).count }

    /// Marks targets as asked.
    public mutating func sent(_ sent: [PollTarget]) {
        for target in sent { entries[target]?.inFlight = true }
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

    /// Makes every target that is not out due at once (`r`), and lifts a halt.
    public mutating func makeAllDue() {
        halted = nil
        for target in targets where entries[target]?.inFlight == false { entries[target]?.dueAt = nil }
    }

    /// Brings every healthy target that is not out and due later than `date` forward to `date`.
    public mutating func hasten(until date: Date) {
        for target in targets {
            guard target.asksGitHub, let entry = entries[target], !entry.inFlight, !entry.isFailing,
                (entry.dueAt ?? date) > date
            else { continue }
            entries[target]?.dueAt = date
        }
    }

    /// Makes one target due at once.
    public mutating func makeDue(_ target: PollTarget) {
        entries[target]?.dueAt = nil
    }

    /// The wait after `failures` failures in a row.
    public static func backoff(failures: Int) -> Double {
        min(maxBackoff, 5 * pow(2, Double(min(max(failures, 1), 16) - 1)))
    }
}

/// Something the dashboard asks GitHub about again and again.
public enum PollTarget: Hashable, Sendable {
    /// Who the user is and which organizations to watch.
    case account
    /// One scope's migrations.
    case scope(MigrationScope)
    /// One source import.
    case sourceImport(RepositoryName)
    /// The download folder, for archives saved by something else.
    case archives

    /// True for targets asked of GitHub; the download folder is looked at on this machine.
    public var asksGitHub: Bool { self != .archives }

    /// The target an effect polls, nil for effects that are not polls.
    public init?(_ effect: Effect) {
        switch effect {
        case .connect: self = .account
        case .loadMigrations(let scope): self = .scope(scope)
        case .loadImport(let repo): self = .sourceImport(repo)
        case .scanArchives: self = .archives
        default: return nil
        }
    }

    /// The effect that polls the target.
    public var effect: Effect {
        switch self {
        case .account: .connect
        case .scope(let scope): .loadMigrations(scope)
        case .sourceImport(let repo): .loadImport(repo)
        case .archives: .scanArchives
        }
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

    /// True while its latest answer was a failure.
    public var isFailing: Bool { failures > 0 }

    /// True when the latest failure was not an answer at all: no connection, or no answer in time.
    public var isUnreachable: Bool { problemKind == .offline || problemKind == .timeout }
}
