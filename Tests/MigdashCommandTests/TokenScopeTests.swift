import Foundation
import TestSupport
import Testing

/// The real binary against the hostile stand-in for GitHub, whose request log shows every
/// `Authorization` header it was sent: a token reaches it only when it is the token for its host.
@Suite("The token goes only to the host it belongs to, for the dashboard and migdash download")
struct TokenScopeTests {
    /// A github.com token, as `GH_TOKEN` or gh's `hosts.yml` holds one.
    private static let githubToken = "ghp_githubDotComOnly0123456789abcdefghij"

    /// `download --user 1 --api-url SERVER`, plus `more`.
    private func download(_ server: HostileServer, _ more: [String] = []) -> [String] {
        ["download", "--user", "1", "--api-url", server.apiURL] + more
    }

    /// The `Authorization` headers the server was sent, its log's own request left out.
    private func authorizations(_ server: HostileServer) async throws -> [String] {
        try await server.requests().filter { $0.path != "/_hostile/requests" }.compactMap(\.authorization)
    }

    @Test("GH_HOST=github.com does not send GH_TOKEN to another --api-url: no token for that host, exit 2")
    func ghHostDoesNotChooseTheToken() async throws {
        let server = try await HostileServer(scenario: "healthy")
        defer { server.stop() }
        let run = try CommandRun()
        let outcome = try await run.migdash(
            download(server), adding: ["GH_HOST": "github.com", "GH_TOKEN": Self.githubToken])
        #expect(outcome.status == 2)
        #expect(outcome.errorOutput.hasPrefix("migdash: no GitHub token for 127.0.0.1: "), "\(outcome.errorOutput)")
        #expect(!outcome.errorOutput.contains(Self.githubToken) && !outcome.output.contains(Self.githubToken))
        #expect(try await authorizations(server).isEmpty)
    }

    @Test("gh's hosts.yml token for github.com does not go to another --api-url either")
    func hostsFileTokenStaysWithItsHost() async throws {
        let server = try await HostileServer(scenario: "healthy")
        defer { server.stop() }
        let run = try CommandRun()
        _ = try run.file("hosts.yml", "github.com:\n  oauth_token: \(Self.githubToken)\n  user: octocat\n")
        let outcome = try await run.migdash(download(server), adding: ["GH_HOST": "github.com"])
        #expect(outcome.status == 2)
        #expect(try await authorizations(server).isEmpty)
        // The same file's entry for the server's own host is that host's token, and is sent.
        _ = try run.file("hosts.yml", "127.0.0.1:\n  oauth_token: loopback-token\n")
        let own = try await run.migdash(download(server), adding: ["GH_HOST": "github.com"])
        #expect(own.status == 4, "the server has no migration 1: \(own.errorOutput)")
        #expect(try await authorizations(server) == ["Bearer loopback-token"])
    }

    @Test("a config whose hostname and api_url name different hosts is refused with one line, exit 2")
    func configDisagreement() async throws {
        let server = try await HostileServer(scenario: "healthy")
        defer { server.stop() }
        let run = try CommandRun()
        let config = try run.file("config.yml", "hostname: github.com\napi_url: \(server.apiURL)\n")
        let line =
            "migdash: \(config): hostname names github.com but api_url names 127.0.0.1; keep one of them\n"
        let environment = ["GH_TOKEN": Self.githubToken]
        let downloaded = try await run.migdash(
            ["download", "--user", "1", "--config", config], adding: environment)
        #expect(downloaded.status == 2)
        #expect(downloaded.errorOutput == line)
        let dashboard = try await run.migdash(["--config", config], adding: environment)
        #expect(dashboard.status == 2)
        #expect(dashboard.errorOutput == line)
        #expect(try await authorizations(server).isEmpty)
    }

    @Test("the token for another host reaches the server: the test can see a token go by")
    func enterpriseTokenReachesItsHost() async throws {
        let server = try await HostileServer(scenario: "healthy")
        defer { server.stop() }
        let outcome = try await CommandRun().migdash(
            download(server), adding: ["GH_TOKEN": Self.githubToken, "GH_ENTERPRISE_TOKEN": "enterprise-token"])
        #expect(outcome.status == 4, "the server has no migration 1: \(outcome.errorOutput)")
        #expect(try await authorizations(server) == ["Bearer enterprise-token"])
    }

    @Test("the dashboard with GH_HOST=github.com and another --api-url stops before any request, exit 2")
    func dashboardDoesNotLeak() async throws {
        let server = try await HostileServer(scenario: "healthy")
        defer { server.stop() }
        let run = try CommandRun()
        let environment = run.environment.merging(["GH_HOST": "github.com", "GH_TOKEN": Self.githubToken]) { $1 }
        let tmux = try await TmuxSession(
            command: try CommandRun.shellLine(["--api-url", server.apiURL]), width: 120, height: 30,
            environment: environment, removing: CommandRun.inheritedCredentials)
        defer { tmux.kill() }
        let status = try await tmux.waitForExit(timeout: .seconds(15))
        let screen = try await tmux.capture()
        if status != 2 { try await tmux.send(keys: "q") }
        #expect(status == 2, "\(screen)")
        #expect(screen.contains("no GitHub token for 127.0.0.1"), "\(screen)")
        #expect(!screen.contains(Self.githubToken))
        #expect(try await authorizations(server).isEmpty)
    }

    @Test("plain http to a host that is not this machine is refused, saying why, unless --insecure-http")
    func plainHTTPRefused() async throws {
        let run = try CommandRun()
        let url = "http://ghe.invalid/api/v3"
        let environment = ["GH_ENTERPRISE_TOKEN": "enterprise-token"]
        for arguments in [["download", "--user", "1", "--api-url", url], ["--api-url", url]] {
            let outcome = try await run.migdash(arguments, adding: environment)
            #expect(outcome.status == 2, "\(arguments)")
            let lines = outcome.errorOutput.split(separator: "\n")
            #expect(lines.count == 1, "\(outcome.errorOutput)")
            #expect(lines.first?.hasPrefix("migdash: refusing plain http to ghe.invalid") == true)
            #expect(outcome.errorOutput.contains("clear text") && outcome.errorOutput.contains("--insecure-http"))
        }
        let config = try run.file("config.yml", "api_url: \(url)\n")
        let configured = try await run.migdash(["download", "--user", "1", "--config", config], adding: environment)
        #expect(configured.status == 2)
        #expect(configured.errorOutput.contains("clear text"))
    }

    @Test("--token-file: the file's first line is the token, sent as it is; a loose mode or size is refused")
    func tokenFile() async throws {
        let server = try await HostileServer(scenario: "healthy")
        defer { server.stop() }
        let run = try CommandRun()
        let good = try run.file("token", "file-token\n")
        let sent = try await run.migdash(download(server, ["--token-file", good]))
        #expect(sent.status == 4, "the server has no migration 1: \(sent.errorOutput)")
        #expect(!sent.errorOutput.contains("warning"))
        #expect(try await authorizations(server) == ["Bearer file-token"])
        let loose = try run.file("loose", "loose-token\n", mode: 0o644)
        let refusals = [
            (loose, "migdash: the token file \(loose) can be read by other users (mode 0644); run chmod 600 \(loose)"),
            (
                try run.file("big", String(repeating: "x", count: 5000)),
                "migdash: the token file \(run.home.path)/big is larger than 4 KiB; a token is one line"
            ),
            (
                try run.file("two", "first\nsecond\n"),
                "migdash: the token from the token file \(run.home.path)/two is not one word of printable ASCII"
            ),
            (run.home.path + "/none", "migdash: cannot read the token file \(run.home.path)/none: no such file"),
            (run.home.path, "migdash: the token file \(run.home.path) is not a regular file"),
        ]
        for (path, line) in refusals {
            let outcome = try await run.migdash(download(server, ["--token-file", path]))
            #expect(outcome.status == 2, "\(path)")
            #expect(outcome.errorOutput.hasPrefix(line), "\(outcome.errorOutput)")
            #expect(outcome.errorOutput.split(separator: "\n").count == 1)
            #expect(!outcome.errorOutput.contains("loose-token"))
        }
        #expect(try await authorizations(server) == ["Bearer file-token"])
    }

    @Test("--token - and --token-stdin read the token from standard input, for download and the dashboard")
    func tokenFromStandardInput() async throws {
        let server = try await HostileServer(scenario: "healthy")
        defer { server.stop() }
        let run = try CommandRun()
        for option in [["--token", "-"], ["--token-stdin"]] {
            let outcome = try await run.migdash(download(server, option), standardInput: "piped-token")
            #expect(outcome.status == 4, "the server has no migration 1: \(outcome.errorOutput)")
            #expect(!outcome.errorOutput.contains("warning"))
        }
        #expect(try await authorizations(server) == ["Bearer piped-token", "Bearer piped-token"])
        // The dashboard reads its keys from the terminal once the token has come through the pipe.
        let line =
            #"printf '%s\n' dashboard-token | "#
            + (try CommandRun.shellLine(["--api-url", server.apiURL, "--token", "-"]))
        let tmux = try await TmuxSession(
            command: line, width: 120, height: 30, environment: run.environment,
            removing: CommandRun.inheritedCredentials)
        defer { tmux.kill() }
        try await tmux.waitFor("octocat", timeout: .seconds(15))
        try await tmux.send(keys: "q")
        #expect(try await tmux.waitForExit() == 0)
        #expect(try await authorizations(server).contains("Bearer dashboard-token"))
    }

    @Test("--token on the command line works but warns in one line, without the token, that others can read it")
    func tokenFlagWarns() async throws {
        let server = try await HostileServer(scenario: "healthy")
        defer { server.stop() }
        let outcome = try await CommandRun().migdash(download(server, ["--token", "flag-token"]))
        #expect(outcome.status == 4, "the server has no migration 1")
        let lines = outcome.errorOutput.split(separator: "\n").map(String.init)
        #expect(
            lines.first
                == "migdash: warning: --token puts the token in the process list, where every user of this machine "
                + "can read it; use GH_TOKEN, --token-file PATH or --token - instead")
        #expect(lines.count == 2, "the warning, then why the download failed: \(lines)")
        #expect(!outcome.errorOutput.contains("flag-token") && !outcome.output.contains("flag-token"))
        #expect(try await authorizations(server) == ["Bearer flag-token"])
    }

    @Test("--help points at GH_TOKEN, --token-file and --token -, and says what --insecure-http risks")
    func helpText() async throws {
        let run = try CommandRun()
        for arguments in [["dashboard", "--help"], ["download", "--help"]] {
            let help = try await run.migdash(arguments).output
            for text in ["GH_TOKEN", "--token-file", "--token -", "--insecure-http", "process list", "clear text"] {
                #expect(help.contains(text), "\(arguments) lacks \(text)")
            }
        }
        let simulate = try await run.migdash(["simulate", "--help"]).output
        #expect(simulate.contains("test token"))
    }
}
