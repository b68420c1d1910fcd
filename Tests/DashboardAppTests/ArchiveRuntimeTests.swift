import DashboardCore
import Foundation
import GitHubMigrations
import MigrationSimulator
import TerminalUI
import Testing

@testable import DashboardApp

@Suite("Archives in the running dashboard: d downloads, Enter shows the contents, auto-download")
struct ArchiveRuntimeTests {
    struct Timeout: Error, CustomStringConvertible {
        let description: String
    }

    /// A runtime on a scripted terminal against a simulator, its download folder, and a way to drive it.
    struct Rig: Sendable {
        let simulator: Simulator
        let client: GitHubClient
        let runner: EffectRunner
        let inbox: EventInbox
        let theme: Theme
        let directory: URL

        static func make(_ options: SimulatorOptions = SimulatorOptions()) async throws -> Rig {
            let simulator = Simulator(options: options)
            let address = try await simulator.start()
            let client = GitHubClient(
                configuration: ClientConfiguration(baseURL: address.apiURL, token: SimulatorOptions.defaultToken))
            let inbox = EventInbox()
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
                "migdash-rt-\(UUID().uuidString)")
            let runner = EffectRunner(client: client, inbox: inbox, downloadDirectory: directory)
            let theme = try ThemeLoader.load("default", environment: [:])
            return Rig(
                simulator: simulator, client: client, runner: runner, inbox: inbox, theme: theme, directory: directory)
        }

        func close() async {
            await runner.shutdown()
            await simulator.stop()
        }
    }

    /// Runs the dashboard loop on a thread of its own, as the app does on its main thread.
    private func drive(_ rig: Rig, session: SessionInfo, _ script: @escaping @Sendable (Driver) throws -> Void)
        async throws
    {
        let outcome: Result<Void, any Error> = await withCheckedContinuation { continuation in
            Thread {
                continuation.resume(
                    returning: Result {
                        let terminal = ScriptedTerminal()
                        let state = DashboardState(now: Date(), size: terminal.size, session: session)
                        let runtime = DashboardRuntime(
                            terminal: terminal, runner: rig.runner, inbox: rig.inbox, state: state, theme: rig.theme)
                        runtime.begin()
                        try script(Driver(runtime: runtime, terminal: terminal))
                    })
            }.start()
        }
        await rig.close()
        try outcome.get()
    }

    /// Keys in, frames out.
    struct Driver {
        let runtime: DashboardRuntime
        let terminal: ScriptedTerminal

        func until(_ what: String, seconds: Double = 30, _ condition: (String) -> Bool) throws {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                runtime.step(maximumWait: 0.05)
                if let frame = terminal.lastFrame, condition(frame.text) { return }
            }
            throw Timeout(description: "no \(what) on screen:\n\(terminal.lastFrame?.text ?? "(nothing)")")
        }

        func press(_ keys: Key...) {
            for key in keys { terminal.press(key) }
        }
    }

    @Test("d downloads 240498 with the manifest beside it; Enter then shows the archive's contents")
    func downloadAndInspect() async throws {
        let rig = try await Rig.make()
        defer { try? FileManager.default.removeItem(at: rig.directory) }
        try await drive(rig, session: SessionInfo(host: "simulator")) { driver in
            try driver.until("live migrations") { $0.contains("updated ") && $0.contains("240498") }
            driver.press(.character("/"))
            for character in "240498" { driver.press(.character(character)) }
            driver.press(.enter, .character("d"))
            try driver.until("the finished download") { $0.contains("downloaded the archive of octo-org #240498") }
            driver.press(.enter)
            try driver.until("the archive's contents") {
                $0.contains("Archive of octo-org #240498") && $0.contains("version 1.0.1")
                    && $0.contains("octo-org/api-server") && $0.contains("intact")
            }
            driver.press(.enter)
            try driver.until("the migration's details") { $0.contains("Migration 240498") }
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: rig.directory.path)
        #expect(names.contains(DownloadManifest.fileName))
        #expect(names.contains { $0.hasPrefix("octo-org-migration-240498-") && $0.hasSuffix(".tar.gz") })
        #expect(!names.contains { $0.hasSuffix(".part") })
    }

    @Test("D stops a running download: no more bytes arrive and the part stays for a resume")
    func cancelRunningDownload() async throws {
        var options = SimulatorOptions()
        options.storageBytesPerSecond = 4_096
        let rig = try await Rig.make(options)
        defer { try? FileManager.default.removeItem(at: rig.directory) }
        let partSize = { @Sendable () -> Int in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: rig.directory.path)) ?? []
            guard let part = names.first(where: { $0.hasSuffix(".part") }) else { return -1 }
            let path = rig.directory.appendingPathComponent(part).path
            return ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? -1
        }
        try await drive(rig, session: SessionInfo(host: "simulator")) { driver in
            try driver.until("live migrations") { $0.contains("updated ") && $0.contains("240498") }
            driver.press(.character("/"))
            for character in "240498" { driver.press(.character(character)) }
            driver.press(.enter, .character("d"))
            try driver.until("bytes arriving") { _ in partSize() > 0 }
            driver.press(.character("D"))
            try driver.until("the cancellation") { $0.contains("cancelled the download of 240498") }
            let stopped = partSize()
            // Two seconds at 4 KiB/s would add 8 KiB to a download that still ran.
            let end = Date().addingTimeInterval(2)
            while Date() < end { driver.runtime.step(maximumWait: 0.05) }
            #expect(partSize() == stopped, "bytes kept arriving after D")
            #expect(stopped > 0, "the part on disk was not kept")
            #expect(driver.terminal.lastFrame?.text.contains("downloaded the archive") == false)
        }
    }

    @Test("with auto-download on, a migration that reaches exported is downloaded without a key")
    func autoDownload() async throws {
        var options = SimulatorOptions()
        options.seedWorld = false
        options.exportSeconds = 10
        // Time moves only when the test says: on a busy machine ten real seconds could otherwise pass before
        // the first poll, and a migration exported before migdash saw it is backlog, which is only asked about.
        options.frozenClock = true
        let rig = try await Rig.make(options)
        defer { try? FileManager.default.removeItem(at: rig.directory) }
        let started = try await rig.client.startMigration(
            .organization("octo-org"), StartMigrationRequest(repositories: ["website"]))
        let key = MigrationKey(scope: .organization("octo-org"), id: started.id)
        let simulator = rig.simulator
        try await drive(rig, session: SessionInfo(host: "simulator", autoDownload: true)) { driver in
            try driver.until("the exporting migration") { $0.contains("\(started.id)") && $0.contains("updated ") }
            simulator.advance(seconds: 30)
            driver.press(.character("r"))
            try driver.until("the automatic download") { $0.contains("downloaded the archive of \(key)") }
        }
        #expect(ArchiveScanner.scan(rig.directory).keys.contains(key))
    }

    @Test(
        "the scanner trusts only the manifest: a listed file whose size changed is not downloaded, nor is an unlisted one"
    )
    func scanner() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "migdash-scan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let listed = "octo-org-migration-1-0b989ba4-242f-11e5-81e1-c7b6966d2516.tar.gz"
        let changed = "octo-org-migration-2-0b989ba4-242f-11e5-81e1-c7b6966d2517.tar.gz"
        let unlisted = "user-migration-3-0b989ba4-242f-11e5-81e1-c7b6966d2518.tar.gz"
        for name in [listed, changed, unlisted, listed + ".part", "notes.txt"] {
            try Data(repeating: 1, count: 10).write(to: directory.appendingPathComponent(name))
        }
        try DownloadManifest.update(in: directory) { manifest in
            for (name, id, size) in [(listed, Int64(1), Int64(10)), (changed, 2, 99)] {
                manifest.record(
                    .init(
                        name: name, migrationID: id, scope: "octo-org", guid: "g", size: size, sha256: "00",
                        downloadedAt: Date(timeIntervalSince1970: 0)))
            }
        }
        let found = ArchiveScanner.scan(directory)
        #expect(Set(found.keys.map(\.id)) == [1])
        #expect(
            found[MigrationKey(scope: .organization("octo-org"), id: 1)]
                == directory.appendingPathComponent(listed).path)
    }

    @Test("the folder watch says nothing when the folder is as it was, and the whole set when it changed")
    func folderWatch() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "migdash-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let name = "octo-org-migration-1-0b989ba4-242f-11e5-81e1-c7b6966d2516.tar.gz"
        let file = directory.appendingPathComponent(name)
        try Data(repeating: 1, count: 10).write(to: file)
        try DownloadManifest.update(in: directory) { manifest in
            manifest.record(
                .init(
                    name: name, migrationID: 1, scope: "octo-org", guid: "g", size: 10, sha256: "00",
                    downloadedAt: Date(timeIntervalSince1970: 0)))
        }
        let watch = ArchiveFolderWatch(directory: directory)
        #expect(watch.scanIfChanged()?.count == 1)
        #expect(watch.scanIfChanged() == nil)
        try FileManager.default.removeItem(at: file)
        #expect(watch.scanIfChanged() == [:], "the deleted archive is gone from the set")
    }
}
