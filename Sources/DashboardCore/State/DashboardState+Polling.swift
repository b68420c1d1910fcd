import Foundation
import GitHubMigrations

extension DashboardState {
    /// The most polls out at once: the first reading of 100 pages goes four at a time rather than all
    /// at once, and GitHub asks clients not to send many requests concurrently.
    public static let maxPollsInFlight = 4

    /// What the planner needs from the state: the scopes and their pages, what moves and where it was
    /// seen, the starts being checked, the imports followed, and the budget.
    public var planInputs: PollPlanner.Inputs {
        let scopes = user == nil ? [] : watchedScopes.map { ($0, listings[$0]?.pages ?? 1) }
        var moving: [MigrationKey: Int?] = [:]
        for key in self.moving { moving[key] = sightings[key]?.page }
        // A migration followed by id and not read yet is followed alone, as a moving one off every page.
        for key in session.followed where migrations[key] == nil { moving[key] = .some(nil) }
        var checking: Set<MigrationScope> = []
        for write in pendingWrites {
            if case .startMigration(let scope, _) = write.action { checking.insert(scope) }
        }
        var active: [RepositoryName] = []
        var waiting: [RepositoryName] = []
        for entry in imports where poll.entry(.sourceImport(entry.repository)) != nil {
            let running = entry.progress.map { $0.status.isActive } ?? true
            running ? active.append(entry.repository) : waiting.append(entry.repository)
        }
        return PollPlanner.Inputs(
            scopes: scopes, moving: moving, checkingStarts: checking, activeImports: active, waitingImports: waiting,
            budget: budget.pollingShare)
    }

    /// True when the target's next poll is a first reading, which the budget does not hold back.
    public func isFirstReading(_ target: PollTarget) -> Bool {
        switch target {
        case .account, .page: poll.entry(target)?.lastSuccess == nil
        default: false
        }
    }

    /// When the runtime must next look at the schedule: the earliest due target that could be sent then,
    /// given the budget and the polls already out (an answer wakes the runtime through its inbox).
    public func nextPollDue(after now: Date) -> Date? {
        guard let due = poll.nextDue(after: now) else { return nil }
        guard due <= now else { return due }
        // Something is due already; if nothing due can go (all out slots taken, the budget spent), wait
        // for the budget rather than spin.
        let slots = poll.inFlight < Self.maxPollsInFlight
        var earliest: Date?
        for target in poll.due(at: now) {
            if !target.asksGitHub || (slots && isFirstReading(target)) { return now }
            guard slots else { continue }
            let room = budget.nextRoom(for: target.cost, at: now) ?? now
            earliest = min(earliest ?? room, room)
        }
        return earliest
    }
}
