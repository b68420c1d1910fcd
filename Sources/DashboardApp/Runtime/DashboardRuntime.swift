import DashboardCore
import DashboardViews
import Foundation
import TerminalUI

/// The loop that connects the pure core to the world: it waits for input or results without
/// spinning, turns them into events, runs the reducer, hands effects to the runner, and presents
/// a new frame only when the screen changed.
final class DashboardRuntime {
    private let terminal: any TerminalBackend
    private let runner: EffectRunner
    private let inbox: EventInbox
    private let theme: Theme
    private let clock: () -> Date
    private var lastFrame: CellGrid?
    /// The state, readable by tests between steps.
    private(set) var state: DashboardState

    init(
        terminal: any TerminalBackend, runner: EffectRunner, inbox: EventInbox, state: DashboardState, theme: Theme,
        clock: @escaping () -> Date = Date.init
    ) {
        self.terminal = terminal
        self.runner = runner
        self.inbox = inbox
        self.state = state
        self.clock = clock
        self.theme = terminal.colorCount >= 8 ? theme : theme.withoutColor
    }

    /// The longest `poll` wait: a resize does not make the terminal readable (the terminal learns of it
    /// from SIGWINCH), so the loop looks for `.resize` this often. An idle look costs one non-blocking read.
    static let resizeCheckInterval = 0.25

    /// Runs until the user quits or a signal arrives.
    func run() {
        begin()
        while !state.quitting { step(maximumWait: nextWake()) }
    }

    /// Starts the first effects and draws the first frame.
    func begin() {
        dispatch(Reducer.start(&state))
        draw()
    }

    /// One turn: wait for input, results or the next due time; apply what arrived; draw.
    /// A turn in which nothing arrived and nothing fell due does no work at all.
    func step(maximumWait: Double) {
        let due = clock().addingTimeInterval(maximumWait)
        var events: [Event] = []
        while events.isEmpty {
            wait(seconds: min(maximumWait, Self.resizeCheckInterval))
            for key in terminal.readKeys() {
                events.append(key == .resize ? .resized(terminal.size) : .key(key))
            }
            events += inbox.drain()
            if clock() >= due { break }
        }
        events.append(.tick(clock()))
        for event in events {
            dispatch(Reducer.reduce(&state, event))
            if state.quitting { break }
        }
        if !state.quitting { draw() }
        // What changed goes to the journal (written off this thread), or is let go without one.
        let changes = state.changes.take()
        runner.recorder?.record(changes)
    }

    /// Draws the frame; an unchanged frame is not even handed to the terminal.
    func draw() {
        // A bell rung this turn goes with the frame, or alone when nothing changed on screen.
        defer { terminal.flush() }
        if state.size != terminal.size { _ = Reducer.reduce(&state, .resized(terminal.size)) }
        let frame = DashboardView.render(state)
        guard frame != lastFrame else { return }
        terminal.present(frame, style: theme.style)
        lastFrame = frame
        // What this frame shows has now been seen: a question in it may be answered.
        dispatch(Reducer.reduce(&state, .drawn))
    }

    private func dispatch(_ effects: [Effect]) {
        for effect in effects {
            switch effect {
            case .bell: terminal.bell()
            case .suspend:
                terminal.suspend()
                lastFrame = nil
                // Time went by while stopped: the rest of this turn sees the time of the return.
                dispatch(Reducer.reduce(&state, .tick(clock())))
            case .quit: state.quitting = true
            case .copy(let text): terminal.send(.copy(text))
            case .notify(let title, let body, let via): terminal.send(.notify(title: title, body: body, via: via))
            default: runner.run(effect)
            }
        }
    }

    /// Seconds until something on screen or in the schedule is due (`DashboardState.secondsUntilDue`).
    func nextWake() -> Double { state.secondsUntilDue(at: clock()) }

    /// Blocks in `poll` on the terminal's input and the inbox's wake pipe: no busy polling.
    private func wait(seconds: Double) {
        var fds = [
            pollfd(fd: terminal.inputFileDescriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: inbox.wakeDescriptor, events: Int16(POLLIN), revents: 0),
        ]
        _ = poll(&fds, nfds_t(fds.count), Int32(min(seconds, 3600) * 1000))
    }
}
