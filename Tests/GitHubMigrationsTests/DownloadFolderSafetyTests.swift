import Foundation
import GitHubMigrations
import MigrationSimulator
import Synchronization
import TestSupport
import Testing

@Suite("Downloads stay inside their folder, open only their own regular files, and keep them private")
struct DownloadFolderSafetyTests {
    /// A folder four levels below a root that also holds `elsewhere/`, so `../../../../elsewhere` is real.
    struct Nest {
        let root: TemporaryDirectory
        let downloads: URL
        let elsewhere: URL

        init() throws {
            root = try TemporaryDirectory(prefix: "migdash-nest")
            downloads = URL(fileURLWithPath: root.path).appendingPathComponent("a/b/c/d")
            elsewhere = URL(fileURLWithPath: root.path).appendingPathComponent("elsewhere")
            try FileManager.default.createDirectory(at: downloads, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        }

        /// Every file under the root, as paths relative to it, directories left out.
        var files: [String] {
            let base = URL(fileURLWithPath: root.path).resolvingSymlinksInPath().path + "/"
            let walker = FileManager.default.enumerator(atPath: root.path)
            var found: [String] = []
            while let path = walker?.nextObject() as? String {
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: base + path, isDirectory: &isDirectory),
                    !isDirectory.boolValue
                {
                    found.append(path)
                }
            }
            return found.sorted()
        }
    }

    @Test("an organization login from /user/orgs that climbs out of the folder is refused before any file is made")
    func loginClimbingOut() async throws {
        let server = try await HostileServer(scenario: "traversal-login")
        defer { server.stop() }
        let nest = try Nest()
        let client = GitHubClient(configuration: ClientConfiguration(baseURL: server.apiURL, token: "t0ken"))
        let login = try #require(try await client.organizations().first?.login)
        #expect(login == "../../../../elsewhere/x")
        let scope = MigrationScope.organization(login)
        let guid = try await client.migration(scope, id: 7).guid
        let outcome = await Result.of {
            try await ArchiveDownloader(client: client, directory: nest.downloads).download(scope, id: 7, guid: guid)
        }
        try await client.shutdown()
        let error = try #require(outcome.failure as? ArchiveDownloadError)
        #expect(error.code == "unsafe_name")
        #expect(error.userMessage.contains("not a GitHub organization login"))
        #expect(nest.files == [], "files: \(nest.files)")
        let asked = try await server.requests().map(\.path)
        #expect(!asked.contains { $0.hasPrefix("/storage") }, "the archive was fetched: \(asked)")
    }

    @Test("a guid that is not hex and hyphens never becomes part of a file name")
    func guidClimbingOut() async throws {
        try await DownloadFixture.run { fixture in
            for guid in ["/../../escaped", "..", "abc/def", "0b5c3a4e\u{1B}]0;x\u{7}", ""] {
                let outcome = await Result.of {
                    try await fixture.downloader().download(DownloadFixture.scope, id: DownloadFixture.id, guid: guid)
                }
                let error = try #require(outcome.failure as? ArchiveDownloadError, "guid \(guid.debugDescription)")
                #expect(error.code == "unsafe_name")
                #expect(!error.userMessage.unicodeScalars.contains { $0.value < 0x20 })
            }
            #expect(fixture.storageRequests.isEmpty)
        }
    }

    @Test("a symlink planted at the .part name is refused and its target is left exactly as it was")
    func symlinkAtPart() async throws {
        try await DownloadFixture.run { fixture in
            try FileManager.default.createDirectory(at: fixture.directory, withIntermediateDirectories: true)
            let victim = fixture.directory.deletingLastPathComponent().appendingPathComponent(
                "migdash-victim-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: victim) }
            try Data("precious\n".utf8).write(to: victim)
            try FileManager.default.createSymbolicLink(at: fixture.part, withDestinationURL: victim)
            let outcome = await Result.of { try await fixture.download() }
            let error = try #require(outcome.failure as? ArchiveDownloadError)
            #expect(error.code == "file_system")
            #expect(error.userMessage.contains("not a regular file"), "\(error.userMessage)")
            #expect(try Data(contentsOf: victim) == Data("precious\n".utf8))
            #expect(fixture.storageRequests.isEmpty)
        }
    }

    @Test("a FIFO at the final name or the .part name is refused at once instead of hanging the download")
    func fifos() async throws {
        try await DownloadFixture.run { fixture in
            try FileManager.default.createDirectory(at: fixture.directory, withIntermediateDirectories: true)
            for path in [fixture.final.path, fixture.part.path] {
                #expect(mkfifo(path, 0o600) == 0)
                let outcome = await Self.within(seconds: 10, unblocking: path) { try await fixture.download() }
                let error = try #require(outcome?.failure as? ArchiveDownloadError, "hung on a FIFO at \(path)")
                #expect(error.userMessage.contains("not a regular file"), "\(error.userMessage)")
                unlink(path)
            }
        }
    }

    @Test("the archive, the kept .part and the manifest are readable by their owner only")
    func privateFiles() async throws {
        try await DownloadFixture.run { fixture in
            let old = umask(0o022)
            defer { umask(old) }
            // An interrupted run's .part, as an older migdash left it: readable by all.
            try fixture.leavePartial(fixture.reference.prefix(1000))
            chmod(fixture.part.path, 0o644)
            fixture.simulator.inject(.status(503, listener: .storage, count: 1))
            let stopped = await Result.of {
                try await fixture.downloader { $0.maxConsecutiveFailures = 1 }
                    .download(DownloadFixture.scope, id: DownloadFixture.id, guid: fixture.guid)
            }
            #expect(stopped.failure != nil)
            #expect(Self.mode(fixture.part.path) == 0o600)
            let result = try await fixture.download()
            #expect(Self.mode(result.file.path) == 0o600)
            #expect(Self.mode(fixture.directory.appendingPathComponent(DownloadManifest.fileName).path) == 0o600)
        }
    }

    @Test("a malformed manifest stops the download before a byte is transferred")
    func malformedManifestFirst() async throws {
        try await DownloadFixture.run { fixture in
            try FileManager.default.createDirectory(at: fixture.directory, withIntermediateDirectories: true)
            let manifest = fixture.directory.appendingPathComponent(DownloadManifest.fileName)
            try Data("{ not json".utf8).write(to: manifest)
            let outcome = await Result.of { try await fixture.download() }
            let error = try #require(outcome.failure as? ArchiveDownloadError)
            #expect(error.userMessage.contains("is not a migdash manifest"), "\(error.userMessage)")
            #expect(fixture.storageRequests.isEmpty)
            #expect(fixture.files == [DownloadManifest.fileName])
        }
    }

    @Test(
        "a manifest that breaks during the transfer: the archive is saved and the message says the manifest was not updated"
    )
    func manifestBrokenMeanwhile() async throws {
        try await DownloadFixture.run { fixture in
            let manifest = fixture.directory.appendingPathComponent(DownloadManifest.fileName)
            let broken = Mutex(false)
            let outcome = await Result.of {
                try await fixture.download { _ in
                    broken.withLock { done in
                        guard !done else { return }
                        done = (try? Data("{ not json".utf8).write(to: manifest)) != nil
                    }
                }
            }
            let error = try #require(outcome.failure as? ArchiveDownloadError)
            #expect(error.code == "manifest_not_updated")
            #expect(
                error.userMessage.lowercased().contains("archive saved, manifest not updated"), "\(error.userMessage)")
            #expect(FileManager.default.fileExists(atPath: fixture.final.path))
        }
    }

    @Test("a manifest larger than the bound is refused with one line, not read whole")
    func hugeManifest() async throws {
        let folder = try TemporaryDirectory(prefix: "migdash-huge-manifest")
        let path = folder.path + "/" + DownloadManifest.fileName
        // A valid manifest padded with a key the decoder ignores: today's reader takes all of it.
        let padding = String(repeating: "x", count: 9 << 20)
        try Data(#"{"version": 1, "archives": [], "padding": "\#(padding)"}"#.utf8).write(
            to: URL(fileURLWithPath: path))
        let outcome = Result(catching: { try DownloadManifest.load(from: URL(fileURLWithPath: folder.path)) })
        let error = try #require(outcome.failure as? ArchiveDownloadError)
        #expect(error.userMessage.contains("larger than"), "\(error.userMessage)")
    }

    /// A file's permission bits.
    static func mode(_ path: String) -> mode_t {
        var info = stat()
        guard lstat(path, &info) == 0 else { return 0 }
        return info.st_mode & 0o777
    }

    /// Runs `work`, and when it has not finished after `seconds`, opens the FIFO at `path` for writing
    /// and closes it (an end of file for a reader stuck in `open`); nil when it had to.
    static func within<T: Sendable>(
        seconds: Double, unblocking path: String, _ work: @escaping @Sendable () async throws -> T
    ) async -> Result<T, any Error>? {
        let task = Task { await Result.of { try await work() } }
        let deadline = ContinuousClock.now + .seconds(seconds)
        let finished = Mutex(false)
        Task {
            _ = await task.value
            finished.withLock { $0 = true }
        }
        while ContinuousClock.now < deadline, !finished.withLock({ $0 }) {
            try? await Task.sleep(for: .milliseconds(20))
        }
        if finished.withLock({ $0 }) { return await task.value }
        task.cancel()
        let giveUp = ContinuousClock.now + .seconds(30)
        while !finished.withLock({ $0 }), ContinuousClock.now < giveUp {
            let writer = open(path, O_WRONLY | O_NONBLOCK)
            if writer >= 0 { close(writer) }
            let reader = open(path, O_RDONLY | O_NONBLOCK)
            if reader >= 0 {
                var sink = [UInt8](repeating: 0, count: 1 << 16)
                _ = read(reader, &sink, sink.count)
                close(reader)
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return nil
    }
}

extension Result where Failure == any Error {
    /// The outcome of async work that may throw.
    static func of(_ work: () async throws -> Success) async -> Result {
        do {
            return .success(try await work())
        } catch {
            return .failure(error)
        }
    }

    /// The error, when it failed.
    var failure: (any Error)? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
