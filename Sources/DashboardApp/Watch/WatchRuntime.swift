import DashboardCore
import Foundation

/// `migdash watch`'s loop: the dashboard's reducer, poll planner and effect runner with no screen. It
/// waits for results or the next due time without spinning, applies what arrived, and hands what changed
/// to `emit` as events; with metrics on, it reads the state into metrics when a scrape asks.
final class WatchRuntime {
    private let runner: EffectRunner
    private let inbox: EventInbox
    private let clock: () -> Date
    private let emit: ([WatchEvent]) -> Void
    private let board: MetricsBoard?
    private let done: (DashboardState) -> Bool
    private let deadline: Date?
    private let output: Int32?
    private let journalNotice: (String) -> Void
    /// True once the reader of standard output went away (`watch | head -1`).
    private(set) var outputClosed = false
    private var reporter = WatchReporter()
    private var tallies = WatchMetrics()
    /// The state, readable by tests between steps.
    private(set) var state: DashboardState

    init(
        runner: EffectRunner, inbox: EventInbox, state: DashboardState, board: MetricsBoard?,
        clock: @escaping () -> Date = Date.init, deadline: Date? = nil,
        watchingOutput output: Int32? = nil,
        done: @escaping (DashboardState) -> Bool = { _ in false },
        journalNotice: @escaping (String) -> Void = { _ in }, emit: @escaping ([WatchEvent]) -> Void
    ) {
        self.done = done
        self.journalNotice = journalNotice
        self.deadline = deadline
        self.output = output
        self.runner = runner
        self.inbox = inbox
        self.state = state
        self.board = board
        self.clock = clock
        self.emit = emit
    }

    /// Runs until a signal asks it to stop, GitHub refuses the token (nobody is there to fix it), or
    /// `done` says the state is what the caller waited for.
    func run() {
        dispatch(Reducer.start(&state))
        report()
        while !state.quitting, !refused, !outputClosed, !done(state) { step() }
    }

    /// True once GitHub refused the token: polling has stopped for good.
    var refused: Bool {
        if case .unauthorized = state.connection { return true }
        return false
    }

    /// One turn: wait for results or the next due time, apply them, report what changed.
    func step() {
        let now = clock()
        // A caller's deadline wakes the loop even while every request is out (an answer stalled).
        let wait = min(state.secondsUntilDue(at: now), deadline.map { $0.timeIntervalSince(now) } ?? .infinity)
        var fds = [pollfd(fd: inbox.wakeDescriptor, events: Int16(POLLIN), revents: 0)]
        // The output asked for no events: poll still says when its reader has gone (POLLERR on a pipe).
        if let output { fds.append(pollfd(fd: output, events: 0, revents: 0)) }
        _ = poll(&fds, nfds_t(fds.count), Int32(min(max(wait, 0.005), 3600) * 1000))
        if fds.count > 1, fds[1].revents & Int16(POLLERR | POLLHUP) != 0 {
            outputClosed = true
            return
        }
        var events = inbox.drain()
        events.append(.tick(clock()))
        for event in events {
            if let line = Self.journalNotice(event) { journalNotice(line) }
            dispatch(Reducer.reduce(&state, event))
            if state.quitting { break }
        }
        report()
    }

    /// The line a journal event has for the user, if any: a run without a screen has no footer to show it in.
    static func journalNotice(_ event: Event) -> String? {
        switch event {
        case .journalUnavailable(let reason, _): "no journal: \(reason)"
        case .journalOpened(let snapshot): snapshot.movedAsideText
        default: nil
        }
    }

    private func report() {
        let changes = state.changes.take()
        runner.recorder?.record(changes)
        let events = reporter.events(state, changes: changes)
        tallies.count(events)
        if !events.isEmpty { emit(events) }
        // The state is read into metrics only when a scrape asks.
        if let board, board.wanted { board.post(tallies.families(state)) }
    }

    private func dispatch(_ effects: [Effect]) {
        for effect in effects {
            switch effect {
            // No terminal: nothing to ring, suspend, copy to or notify through.
            case .bell, .suspend, .copy, .notify: continue
            case .quit: state.quitting = true
            default: runner.run(effect)
            }
        }
    }
}
