import DashboardCore
import Foundation
import GitHubMigrations
import MigrationSimulator
import TerminalUI
import Testing

@testable import DashboardApp

@Suite("Source imports in process: the real client fixes stuck imports on the simulator over loopback")
struct ImportRuntimeTests {
    typealias Timeout = RuntimeDriving.Timeout

    static let tfs = RepositoryName(owner: "octo-org", name: "vendor-tfs")
    static let dotfiles = RepositoryName(owner: "octocat", name: "dotfiles")
    static let legacy = RepositoryName(owner: "octo-org", name: "legacy-svn")

    @Test("credentials, a project choice and an author mapping go out by PATCH; a retired API then opens nothing")
    func fixStuckImports() async throws {
        var options = SimulatorOptions()
        options.frozenClock = true
        let simulator = Simulator(options: options)
        let address = try await simulator.start()
        let configuration = ClientConfiguration(baseURL: address.apiURL, token: SimulatorOptions.defaultToken)
        let client = GitHubClient(configuration: configuration)
        let inbox = EventInbox()
        let runner = EffectRunner(
            client: client, inbox: inbox, downloadDirectory: FileManager.default.temporaryDirectory)
        let outcome: Result<Void, any Error>
        do {
            _ = try await client.startImport(
                Self.dotfiles, StartImportRequest(vcsURL: "https://tfs.example.com/multiple/dotfiles"))
            let author = try #require(try await client.importAuthors(Self.legacy).first)
            outcome = .success(
                try await RuntimeDriving.onOwnThread {
                    try Self.drive(runner: runner, inbox: inbox, simulator: simulator, author: author)
                })
        } catch {
            outcome = .failure(error)
        }
        let patches = simulator.requests.filter { $0.method == "PATCH" }.map(\.path)
        await runner.shutdown()
        await simulator.stop()
        try outcome.get()
        #expect(patches.contains("/repos/octo-org/vendor-tfs/import"))
        #expect(patches.contains("/repos/octocat/dotfiles/import"))
        #expect(patches.contains { $0.hasPrefix("/repos/octo-org/legacy-svn/import/authors/") })
    }

    private static func drive(runner: EffectRunner, inbox: EventInbox, simulator: Simulator, author: ImportAuthor)
        throws
    {
        let terminal = ScriptedTerminal()
        let state = DashboardState(now: Date(), size: terminal.size, session: SessionInfo(host: "simulator"))
        let theme = try ThemeLoader.load("default", environment: [:])
        let runtime = DashboardRuntime(terminal: terminal, runner: runner, inbox: inbox, state: state, theme: theme)
        runtime.begin()
        try until(runtime, "the stuck imports") { state in
            status(state, tfs) == "auth_failed" && status(state, dotfiles) == "detection_found_multiple"
        }
        terminal.press(.character("3"))

        try select(tfs, runtime, terminal)
        terminal.press(.character("i"))
        try frameUntil(runtime, terminal, "the credentials dialog") {
            $0.contains("Credentials for octo-org/vendor-tfs")
        }
        terminal.press(.character("j"), .character("d"), .tab)
        terminal.press(.character("h"), .character("u"), .character("n"), .character("t"), .character("e"))
        try frameUntil(runtime, terminal, "the hidden password") { $0.contains("•••••") }
        guard terminal.lastFrame?.contains("hunte") == false else { throw Timeout(description: "password shown") }
        terminal.press(.enter)
        try until(runtime, "vendor-tfs importing again") { status($0, tfs) == "importing" }

        try select(dotfiles, runtime, terminal)
        terminal.press(.character("i"))
        try frameUntil(runtime, terminal, "the project choices") { $0.contains("project1 (tfs)") }
        terminal.press(.down, .down, .enter)
        try until(runtime, "dotfiles importing again") { status($0, dotfiles) == "importing" }
        guard runtime.state.activity.contains(where: { $0.text == "chose project1 (tfs) for octocat/dotfiles" }) else {
            throw Timeout(description: "no line about the choice: \(runtime.state.activity.map(\.text))")
        }

        try select(legacy, runtime, terminal)
        terminal.press(.character("a"))
        let remoteName = author.remoteName ?? "?"
        try frameUntil(runtime, terminal, "the authors") { $0.contains("\(remoteName)  →") }
        terminal.press(.tab, .character("X"), .enter)
        let expected =
            "mapped \(remoteName) <\(author.email ?? "")> to \(author.name ?? "")X <\(author.email ?? "")> in \(legacy)"
        try until(runtime, "the mapping in Activity") { $0.activity.contains { $0.text == expected } }
        terminal.press(.escape)

        simulator.setRetiredImports(.gone)
        terminal.press(.character("r"))
        try until(runtime, "the retired API") { $0.importsRetired != nil }
        terminal.press(.character("i"))
        try frameUntil(runtime, terminal, "the retirement notice") { $0.row(39).contains("retired") }
        guard runtime.state.overlay == nil else { throw Timeout(description: "i opened a dialog after retirement") }
    }

    private static func status(_ state: DashboardState, _ repo: RepositoryName) -> String? {
        state.imports.first { $0.repository == repo }?.progress?.status.rawValue
    }

    private static func select(_ repo: RepositoryName, _ runtime: DashboardRuntime, _ terminal: ScriptedTerminal)
        throws
    {
        let key: Key =
            (runtime.state.imports.firstIndex { $0.repository == repo } ?? 0)
                < runtime.state.cursor(.imports).selected ? .character("k") : .character("j")
        for _ in 0..<20 where runtime.state.selectedImport?.repository != repo {
            terminal.press(key)
            runtime.step(maximumWait: 0.05)
        }
        guard runtime.state.selectedImport?.repository == repo else { throw Timeout(description: "\(repo) not found") }
    }

    private static func until(
        _ runtime: DashboardRuntime, seconds: Double = 60, _ what: String, _ condition: (DashboardState) -> Bool
    ) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            runtime.step(maximumWait: 0.05)
            if condition(runtime.state) { return }
        }
        throw Timeout(description: "no \(what): \(runtime.state.activity.prefix(5).map(\.text))")
    }

    private static func frameUntil(
        _ runtime: DashboardRuntime, _ terminal: ScriptedTerminal, seconds: Double = 60, _ what: String,
        _ condition: (CellGrid) -> Bool
    ) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            runtime.step(maximumWait: 0.05)
            if let frame = terminal.lastFrame, condition(frame) { return }
        }
        throw Timeout(description: "no \(what) on screen:\n\(terminal.lastFrame?.text ?? "(nothing)")")
    }
}
