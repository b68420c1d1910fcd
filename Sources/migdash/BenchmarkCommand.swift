import ArgumentParser
import DashboardCore
import DashboardViews
import Foundation
import GitHubMigrations
import TerminalUI

/// `migdash benchmark`: hidden measurements for `scripts/bench.sh`; not part of the user-facing interface.
struct BenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "benchmark",
        abstract: "Measure parts of migdash (for scripts/bench.sh).",
        shouldDisplay: false,
        subcommands: [RenderBenchmark.self]
    )
}

/// `migdash benchmark render`: how long one frame of the dashboard takes to draw into a grid.
struct RenderBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Time DashboardView.render over frames of a dashboard with N exported migrations."
    )

    @Option(help: "Exported organization migrations in the dashboard.")
    var migrations = 1_000

    @Option(help: "Frames to time.")
    var frames = 200

    @Option(help: "Terminal columns.")
    var width = 120

    @Option(help: "Terminal rows.")
    var height = 40

    func validate() throws {
        guard migrations >= 0, frames > 0, width > 0, height > 0 else {
            throw ValidationError("--migrations must be 0 or more; --frames, --width and --height above 0.")
        }
    }

    func run() throws {
        var state = Self.state(migrations: migrations, size: Size(width: width, height: height))
        let clock = ContinuousClock()
        var times: [Duration] = []
        times.reserveCapacity(frames)
        var checksum = 0
        for frame in 0..<frames {
            // A tick per frame, as the runtime sends, so no frame is a cached copy of the one before.
            state.now = Self.start.addingTimeInterval(Double(frame))
            let started = clock.now
            let grid = DashboardView.render(state)
            times.append(clock.now - started)
            checksum &+= grid.cells.count
        }
        guard checksum > 0 else { throw ExitCode.failure }
        times.sort()
        let median = Self.milliseconds(times[times.count / 2])
        let p95 = Self.milliseconds(times[min(times.count - 1, times.count * 95 / 100)])
        Console.line(
            "render \(migrations) migrations \(width)x\(height): median \(median) ms, p95 \(p95) ms over \(frames) frames"
        )
    }

    /// A fixed moment, so every run draws the same screen.
    static let start = Date(timeIntervalSince1970: 1_795_356_130)

    /// A connected dashboard with `count` exported migrations of one organization, newest first.
    static func state(migrations count: Int, size: Size) -> DashboardState {
        var state = DashboardState(now: start, size: size, session: SessionInfo(host: "github.com"))
        _ = Reducer.start(&state)
        _ = Reducer.reduce(&state, .connected(user: "octocat", orgs: ["octo-org"], at: start))
        let owner = SimpleUser(login: "octo-org", id: 6_811_672, type: "Organization")
        let repository = SimpleRepository(
            id: 41_983_529, name: "octo-repo", fullName: "octo-org/octo-repo", owner: owner)
        let list = (0..<count).map { index -> Migration in
            let created = start.addingTimeInterval(-3_600 - Double(index) * 600)
            return Migration(
                id: Int64(300_000 + count - index), guid: String(format: "0b989ba4-242f-11e5-81e1-%012d", index),
                state: .exported, createdAt: created, updatedAt: created.addingTimeInterval(40),
                repositories: [repository], lockRepositories: false, owner: owner)
        }
        Reducer.readWholeList(&state, .user, [], at: start)
        Reducer.readWholeList(&state, .organization("octo-org"), list, at: start)
        _ = Reducer.reduce(&state, .importsDiscovered([]))
        return state
    }

    private static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(format: "%.3f", Double(seconds) * 1_000 + Double(attoseconds) / 1e15)
    }
}
