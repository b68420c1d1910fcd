import Foundation
import TestSupport
import Testing

/// The four numbers that once stopped the process with a runtime trap (exit 132), and the waits and
/// lists that froze it, replayed against the real binary: the dashboard in tmux and `migdash download`.
@Suite("Hostile numbers never crash or freeze the dashboard or migdash download", .serialized)
struct HostileNumberCommandTests {
    /// The dashboard against a hostile server, in a wide tmux pane.
    private struct Dashboard {
        let server: HostileServer
        let run: CommandRun
        let tmux: TmuxSession

        init(_ scenario: String) async throws {
            server = try await HostileServer(scenario: scenario)
            run = try CommandRun()
            tmux = try await TmuxSession(
                command: try CommandRun.shellLine([
                    "--api-url", server.apiURL, "--token-file", CommandRun.simulatorTokenFile,
                ]), width: 200,
                height: 40, environment: run.environment)
        }

        func stop() {
            tmux.kill()
            server.stop()
        }

        /// Waits for `text` on the screen, or for the dashboard to end (a crash), whichever comes first.
        func waitFor(_ text: String, timeout: Duration = .seconds(20)) async throws -> String {
            try await tmux.waitFor("\(text), or the dashboard's end", timeout: timeout) { screen in
                screen.contains(text) || screen.contains("EXIT=")
            }
        }

        /// Requests the server logged for `path`, with or without a query.
        func count(_ path: String) async throws -> Int {
            try await server.requests().filter { $0.path == path || $0.path.hasPrefix(path + "?") }.count
        }
    }

    /// `migdash download --user 1` from a hostile server, into a fresh folder.
    private func download(_ scenario: String) async throws -> ProcessRunner.Outcome {
        let server = try await HostileServer(scenario: scenario)
        defer { server.stop() }
        let run = try CommandRun()
        return try await run.migdash([
            "download", "--user", "1", "--output", run.home.path, "--api-url", server.apiURL, "--token-file",
            CommandRun.simulatorTokenFile,
        ])
    }

    @Test("dashboard: a Retry-After of a billion seconds shows a 15-minute wait, and r sends again at once")
    func dashboardHugeRetryAfter() async throws {
        let dashboard = try await Dashboard("huge-retry-after")
        defer { dashboard.stop() }
        let screen = try await dashboard.waitFor("GitHub's secondary rate limit")
        #expect(!screen.contains("EXIT="), "\(screen)")
        #expect(screen.contains("waiting 15m") || screen.contains("waiting 14m"), "\(screen)")
        let before = try await dashboard.count("/user/migrations")
        try await dashboard.tmux.send(keys: "r")
        try await Polling.until("the list asked for again after r", timeout: .seconds(5)) {
            try await dashboard.count("/user/migrations") > before
        }
    }

    @Test("dashboard: a Retry-After of 9e18 seconds is no crash, and the wait shown is 15 minutes")
    func dashboardEnormousRetryAfter() async throws {
        let dashboard = try await Dashboard("enormous-retry-after")
        defer { dashboard.stop() }
        let screen = try await dashboard.waitFor("GitHub's secondary rate limit")
        #expect(!screen.contains("EXIT="), "\(screen)")
        #expect(screen.contains("waiting 15m") || screen.contains("waiting 14m"), "\(screen)")
    }

    @Test("dashboard: an x-ratelimit-reset of Int64.max is no crash, and the limit is reported")
    func dashboardHugeRateLimitReset() async throws {
        let dashboard = try await Dashboard("max-ratelimit-reset")
        defer { dashboard.stop() }
        _ = try await dashboard.waitFor("Rate limit spent")
        try await Task.sleep(for: .seconds(1))
        let screen = try await dashboard.tmux.capture()
        #expect(!screen.contains("EXIT="), "\(screen)")
        #expect(screen.contains("Rate limit spent"), "\(screen)")
    }

    @Test("dashboard: a huge x-ratelimit-limit with a negative remaining is no crash, and the data is live")
    func dashboardNegativeRemaining() async throws {
        let dashboard = try await Dashboard("negative-remaining-everywhere")
        defer { dashboard.stop() }
        _ = try await dashboard.waitFor("updated")
        try await Task.sleep(for: .seconds(1))
        let screen = try await dashboard.tmux.capture()
        #expect(!screen.contains("EXIT="), "\(screen)")
        #expect(screen.contains("updated"), "\(screen)")
    }

    @Test("dashboard: Link headers that never end are reported once, and the pages named are not followed")
    func dashboardEndlessPages() async throws {
        let dashboard = try await Dashboard("endless-pages")
        defer { dashboard.stop() }
        _ = try await dashboard.waitFor("pagination did not end", timeout: .seconds(60))
        // An empty page naming a next one ends the list there: no chase through 1,000 pages, and page 1 is
        // read again at the quiet cadence only, the line staying one line.
        let first = try await dashboard.count("/user/migrations")
        try await Task.sleep(for: .seconds(5))
        let later = try await dashboard.count("/user/migrations")
        let screen = try await dashboard.tmux.capture()
        #expect(!screen.contains("EXIT="), "\(screen)")
        #expect(first <= 3 && later - first <= 1, "\(first) then \(later) requests for the list")
        let lines = screen.split(separator: "\n").filter { $0.contains("your migrations: ") }
        #expect(lines.count == 1, "once: \(screen)")
        #expect(lines.first?.contains("pagination did not end") == true, "\(screen)")
    }

    @Test("download: a storage Content-Length of Int64.max is one line naming it, exit 6 (the storage failed)")
    func downloadHugeContentLength() async throws {
        let outcome = try await download("huge-content-length")
        #expect(outcome.status == 6, "\(outcome.errorOutput)")
        #expect(outcome.errorOutput.contains("9223372036854775807"), "\(outcome.errorOutput)")
        #expect(outcome.errorOutput.filter { $0 == "\n" }.count == 1, "one line: \(outcome.errorOutput)")
    }

    @Test("download: rate-limit headers with a huge limit and a negative remaining are no crash")
    func downloadNegativeRemaining() async throws {
        let outcome = try await download("negative-remaining-everywhere")
        #expect(outcome.status == 4, "\(outcome.errorOutput)")
        #expect(outcome.errorOutput.hasPrefix("migdash: "), "\(outcome.errorOutput)")
    }

    @Test("download: an x-ratelimit-reset of Int64.max is one line saying the limit is spent, exit 5")
    func downloadHugeRateLimitReset() async throws {
        let outcome = try await download("max-ratelimit-reset")
        #expect(outcome.status == 5, "\(outcome.errorOutput)")
        #expect(outcome.errorOutput.hasPrefix("migdash: Rate limit spent; no requests until"), "\(outcome.errorOutput)")
    }

    @Test("download: a secondary-limit wait is said on standard error, not a silent pause")
    func downloadSaysItWaits() async throws {
        let outcome = try await download("short-secondary-limit")
        #expect(outcome.status == 5, "\(outcome.errorOutput)")
        #expect(
            outcome.errorOutput.contains("migdash: waiting 1s for GitHub's secondary rate limit to lift"),
            "\(outcome.errorOutput)")
    }

    @Test("download: a Retry-After of 9e18 seconds is a wait that a signal ends, not a crash")
    func downloadEnormousRetryAfter() async throws {
        let server = try await HostileServer(scenario: "enormous-retry-after")
        defer { server.stop() }
        let run = try CommandRun()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try MigdashBinary.path)
        process.arguments = [
            "download", "--user", "1", "--output", run.home.path, "--api-url", server.apiURL, "--token-file",
            CommandRun.simulatorTokenFile,
        ]
        process.environment = run.environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let exit = ProcessExit(watching: process)
        try process.run()
        try await Polling.until("the first 429") {
            try await server.requests().contains { $0.path.hasPrefix("/user/") }
        }
        try await Task.sleep(for: .seconds(1))
        #expect(!exit.hasEnded, "ended by itself")
        kill(process.processIdentifier, SIGTERM)
        #expect(await exit.wait() == 128 + SIGTERM)
    }
}
