import ArchiveInspection
import Foundation
import GitHubMigrations
import MigrationSimulator
import Testing

@Suite("Archive downloads keep the token home and never clobber")
struct ArchiveDownloadSafetyTests {
    /// The only headers a storage request may carry: none of them GitHub's.
    static let storageHeaders: Set<String> = [
        "host", "user-agent", "range", "if-range", "connection", "content-length",
    ]

    @Test("no Authorization or GitHub header reaches the storage host, across resumes and fresh URLs")
    func noCredentialsAtStorage() async throws {
        try await DownloadFixture.run { fixture in
            fixture.simulator.inject(.dropMidBody(listener: .storage, afterBytes: 100_000))
            fixture.simulator.inject(.status(403, listener: .storage))
            _ = try await fixture.download()
            let storage = fixture.storageRequests
            #expect(storage.count == 3)
            for request in storage {
                #expect(!request.hasAuthorization)
                #expect(request.header("x-github-api-version") == nil)
                #expect(request.header("accept") == nil)
                let names = Set(request.headers.keys)
                #expect(names.isSubset(of: Self.storageHeaders), "headers \(names.sorted())")
            }
            #expect(fixture.archiveURLRequests.count == 2)
            let api = fixture.simulator.requests.filter { $0.listener == .api }
            let authorized = api.allSatisfy { $0.hasAuthorization }
            #expect(authorized)
        }
    }

    @Test("success leaves the archive and the manifest, no .part; the manifest holds size and SHA-256")
    func manifest() async throws {
        try await DownloadFixture.run { fixture in
            let result = try await fixture.download()
            #expect(fixture.files == [DownloadManifest.fileName, fixture.final.lastPathComponent])
            let entry = try #require(
                try DownloadManifest.load(from: fixture.directory).entry(named: fixture.final.lastPathComponent))
            #expect(entry == result.entry)
            #expect(entry.size == Int64(fixture.reference.count))
            #expect(entry.migrationID == DownloadFixture.id && entry.scope == "octo-org" && entry.guid == fixture.guid)
            let report = try await ArchiveInspector.inspect(fixture.final)
            #expect(entry.sha256 == report.sha256 && entry.sha256.count == 64)
            let text = try String(
                contentsOf: fixture.directory.appendingPathComponent(DownloadManifest.fileName), encoding: .utf8)
            #expect(text.contains("\"migration_id\" : 240498") && text.contains("\"downloaded_at\""))
        }
    }

    @Test("a second download reports the archive already there and leaves the file untouched")
    func noClobber() async throws {
        try await DownloadFixture.run { fixture in
            let first = try await fixture.download()
            let before = try FileManager.default.attributesOfItem(atPath: first.file.path)
            fixture.simulator.clearRequests()
            let second = try await fixture.download()
            #expect(second.outcome == .alreadyPresent)
            #expect(second.file == first.file && second.entry == first.entry)
            let after = try FileManager.default.attributesOfItem(atPath: first.file.path)
            #expect(after[.systemFileNumber] as? Int == before[.systemFileNumber] as? Int)
            #expect(after[.modificationDate] as? Date == before[.modificationDate] as? Date)
            #expect(fixture.simulator.requests.isEmpty)
        }
    }

    @Test("a file under the archive's name that disagrees with the manifest is an error and stays as it is")
    func existingDiffers() async throws {
        try await DownloadFixture.run { fixture in
            _ = try await fixture.download()
            let handle = try FileHandle(forWritingTo: fixture.final)
            try handle.seekToEnd()
            try handle.write(contentsOf: Data([1]))
            try handle.close()
            let error = await #expect(throws: ArchiveDownloadError.self) { try await fixture.download() }
            #expect(error?.kind == .existingArchiveDiffers)
            #expect(error?.userMessage.contains("left untouched") == true)
            #expect(try Data(contentsOf: fixture.final).count == fixture.reference.count + 1)
        }
    }

    @Test("an archive already there without a manifest entry is verified and recorded, not downloaded again")
    func unrecordedArchive() async throws {
        try await DownloadFixture.run { fixture in
            try FileManager.default.createDirectory(at: fixture.directory, withIntermediateDirectories: true)
            try fixture.reference.write(to: fixture.final)
            let result = try await fixture.download()
            #expect(result.outcome == .alreadyPresent)
            #expect(result.report?.verdict == .intact)
            #expect(fixture.simulator.requests.isEmpty)
            #expect(try DownloadManifest.load(from: fixture.directory).archives.count == 1)
            try Data("not an archive".utf8).write(to: fixture.final)
            try FileManager.default.removeItem(at: fixture.directory.appendingPathComponent(DownloadManifest.fileName))
            let error = await #expect(throws: ArchiveDownloadError.self) { try await fixture.download() }
            #expect(error?.kind == .existingArchiveDiffers)
        }
    }

    @Test("a full disk stops before writing, with a clear message, and keeps the partial file for later")
    func diskFull() async throws {
        try await DownloadFixture.run { fixture in
            let head = fixture.reference.prefix(1_000_000)
            try fixture.leavePartial(head)
            let tight = fixture.downloader { $0.diskSpace = .fixed(2_000_000) }
            let error = await #expect(throws: ArchiveDownloadError.self) {
                try await tight.download(DownloadFixture.scope, id: DownloadFixture.id, guid: fixture.guid)
            }
            #expect(error?.code == "disk_full")
            #expect(error?.userMessage.hasPrefix("Not enough disk space:") == true)
            #expect(error?.userMessage.contains("partial download is kept") == true)
            #expect(try Data(contentsOf: fixture.part) == head)
            let result = try await fixture.download()
            #expect(try Data(contentsOf: result.file) == fixture.reference)
            #expect(fixture.storageRequests.map(\.status) == [206, 206])
        }
    }

    @Test("storage failing beyond the budget gives up after backing off, keeping the bytes so far")
    func retryBudget() async throws {
        try await DownloadFixture.run { fixture in
            fixture.simulator.inject(.dropMidBody(listener: .storage, afterBytes: 50_000))
            fixture.simulator.inject(.status(503, listener: .storage, count: 10))
            let error = await #expect(throws: ArchiveDownloadError.self) { try await fixture.download() }
            #expect(error?.kind == .storageFailed)
            #expect(error?.userMessage.contains("6 times in a row") == true)
            // The bytes before the cut stay. (A reset connection may lose some in flight, on a busy
            // machine all of them, so the file holds a prefix of at most the 50,000 sent.)
            let kept = try Data(contentsOf: fixture.part)
            #expect(kept.count <= 50_000 && kept == fixture.reference.prefix(kept.count))
            // A short pause after a cut that brought bytes, then 1, 2, 4, 8, 16 s for the failures in a
            // row; a cut that brought none is the first of those failures.
            let expected: [Double] = kept.isEmpty ? [1, 2, 4, 8, 16] : [1, 1, 2, 4, 8, 16]
            #expect(fixture.clock.sleeps.count == expected.count)
            let jittered = zip(fixture.clock.sleeps, expected).allSatisfy { $0 >= $1 * 0.5 && $0 <= $1 }
            #expect(jittered, "waits \(fixture.clock.sleeps)")
        }
    }

    @Test("an archive that is not ready is the API's 404, and leaves no partial file behind")
    func notExported() async throws {
        try await DownloadFixture.run { fixture in
            let pending = try await fixture.client.migration(DownloadFixture.scope, id: 240_507)
            let error = await #expect(throws: ArchiveDownloadError.self) {
                try await fixture.downloader().download(DownloadFixture.scope, id: 240_507, guid: pending.guid)
            }
            #expect(error?.code == "not_found")
            #expect(fixture.files.isEmpty)
        }
    }
}
