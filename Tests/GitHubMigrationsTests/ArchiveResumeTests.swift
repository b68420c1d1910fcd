import ArchiveInspection
import Foundation
import GitHubMigrations
import Synchronization
import Testing

@testable import MigrationSimulator

@Suite("Archive downloads resume and never lose a byte")
struct ArchiveResumeTests {
    @Test(
        "connections cut at random offsets resume with Range, and the archive is byte-identical", arguments: [1, 2, 3])
    func cutsAtRandomOffsets(seed: Int) async throws {
        try await DownloadFixture.run { fixture in
            // The simulator's own seeded generator, so the offsets are the same on every run.
            var random = SeededRandom(seed: seed)
            // Five cuts of 300-500 KB each into a 3 MB archive, at offsets that differ per seed.
            let cuts = (0..<5).map { _ in 300_000 + Int(random.next() % 200_000) }
            for cut in cuts { fixture.simulator.inject(.dropMidBody(listener: .storage, afterBytes: cut)) }
            let progress = ProgressLog()
            let result = try await fixture.download(progress: progress.record)
            #expect(try Data(contentsOf: result.file) == fixture.reference, "cuts at \(cuts)")
            #expect(result.outcome == .downloaded)
            // The SHA-256 hashed block by block across the resumes is the file's own.
            #expect(result.entry.sha256 == (try await ArchiveInspector.inspect(result.file).sha256))
            // The first request starts from scratch; each resume asks for the bytes after those on disk.
            // (A reset connection may lose bytes in flight, so a resume can start before the cut.)
            let ranges = fixture.storageRequests.map { $0.header("range") }
            let starts = ranges.dropFirst().compactMap {
                $0?.firstMatch(of: /bytes=(\d+)-/).flatMap { Int($0.output.1) }
            }
            let statuses = fixture.storageRequests.map(\.status)
            #expect(statuses.count == 6 && statuses.first == 200 && ranges.first == .some(nil))
            let rangedAreResumes = zip(ranges, statuses).allSatisfy { ($0 == nil) == ($1 == 200) }
            #expect(rangedAreResumes, "\(statuses) \(ranges)")
            let inside = starts.allSatisfy { $0 > 0 && $0 < fixture.reference.count }
            #expect(starts == starts.sorted() && inside)
            #expect(result.statistics.requests == 6 && result.statistics.resumes == starts.count)
            let lastWritten = progress.all.last { $0.phase == .downloading }?.bytes
            #expect(lastWritten == Int64(fixture.reference.count))
            #expect(progress.all.last?.phase == .verifying)
            #expect(!FileManager.default.fileExists(atPath: fixture.part.path))
        }
    }

    @Test("a URL that expires mid-download is replaced by a fresh one from the API, and the download resumes")
    func expiredURL() async throws {
        try await DownloadFixture.run { fixture in
            fixture.simulator.inject(.dropMidBody(listener: .storage, afterBytes: 700_000))
            let advanced = Atomic<Bool>(false)
            let simulator = fixture.simulator
            let result = try await fixture.download { _ in
                // Drop, advance past the URL's lifetime, resume: the old URL is refused as expired.
                if !advanced.exchange(true, ordering: .relaxed) { simulator.advance(seconds: 301) }
            }
            #expect(try Data(contentsOf: result.file) == fixture.reference)
            #expect(fixture.storageRequests.map(\.status) == [200, 403, 206])
            #expect(fixture.storageRequests.last?.header("range")?.hasPrefix("bytes=") == true)
            #expect(fixture.archiveURLRequests.map(\.status) == [302, 302])
            #expect(result.statistics.urlRefreshes == 1)
        }
    }

    @Test("with one-use URLs every resume asks the API for a fresh URL")
    func oneUseURLs() async throws {
        var options = SimulatorOptions()
        options.oneUseArchiveURLs = true
        try await DownloadFixture.run(options: options) { fixture in
            for cut in [300_000, 400_000, 500_000] {
                fixture.simulator.inject(.dropMidBody(listener: .storage, afterBytes: cut))
            }
            let result = try await fixture.download()
            #expect(try Data(contentsOf: result.file) == fixture.reference)
            // Every resume first meets the used URL's refusal, then asks the API for a new one.
            // (A cut fault may land on a refusal instead, so there are two or three resumes.)
            let statuses = fixture.storageRequests.map(\.status)
            let resumes = statuses.filter { $0 == 206 }.count
            #expect(resumes >= 2)
            #expect(statuses == [200] + Array(repeating: [403, 206], count: resumes).flatMap { $0 })
            #expect(fixture.archiveURLRequests.count == 1 + resumes)
            #expect(result.statistics.urlRefreshes == resumes)
        }
    }

    @Test("a long download over a flaky link outlives any number of expired URLs, as long as bytes keep coming")
    func manyRefreshes() async throws {
        var options = SimulatorOptions()
        options.oneUseArchiveURLs = true
        try await DownloadFixture.run(options: options) { fixture in
            // 50 storage responses in a row are cut after a 60th of the archive. Every other one is the
            // used URL's refusal, so about 25 cuts take at most half the archive: each leaves bytes to
            // come, and the last response is whole.
            for _ in 0..<50 {
                fixture.simulator.inject(.dropMidBody(listener: .storage, afterBytes: fixture.reference.count / 60))
            }
            let result = try await fixture.download()
            #expect(try Data(contentsOf: result.file) == fixture.reference)
            // More fresh URLs than the 20 allowed in a row: each one brought bytes, so none was the last.
            #expect(result.statistics.urlRefreshes > ArchiveDownloadOptions().maxURLRefreshes)
        }
    }

    @Test("a 200 instead of a 206 empties the partial file and starts cleanly from the first byte")
    func rangeIgnored() async throws {
        try await DownloadFixture.run { fixture in
            fixture.simulator.inject(.dropMidBody(listener: .storage, afterBytes: 1_000_000))
            fixture.simulator.inject(.ignoreRange())
            let result = try await fixture.download()
            #expect(try Data(contentsOf: result.file) == fixture.reference)
            #expect(fixture.storageRequests.map(\.status) == [200, 200])
            #expect(fixture.storageRequests.last?.header("range")?.hasPrefix("bytes=") == true)
            #expect(result.statistics.restarts == 1)
        }
    }

    @Test("a complete partial file left by an earlier run gets a 416, is verified and put in place")
    func completePartial() async throws {
        try await DownloadFixture.run { fixture in
            try fixture.leavePartial(fixture.reference)
            let result = try await fixture.download()
            #expect(try Data(contentsOf: result.file) == fixture.reference)
            #expect(result.entry.sha256 == (try await ArchiveInspector.inspect(result.file).sha256))
            #expect(fixture.storageRequests.map(\.status) == [416])
            #expect(fixture.storageRequests.first?.header("range") == "bytes=\(fixture.reference.count)-")
            #expect(fixture.files == [DownloadManifest.fileName, fixture.final.lastPathComponent])
        }
    }

    @Test("a partial file longer than the archive gets a 416 and the download starts over")
    func overlongPartial() async throws {
        try await DownloadFixture.run { fixture in
            try fixture.leavePartial(fixture.reference + Data(repeating: 7, count: 10))
            let result = try await fixture.download()
            #expect(try Data(contentsOf: result.file) == fixture.reference)
            #expect(fixture.storageRequests.map(\.status) == [416, 200])
            #expect(result.statistics.restarts == 1)
        }
    }

    @Test("a partial file of foreign bytes fails verification once, then the download starts over")
    func foreignPartial() async throws {
        try await DownloadFixture.run { fixture in
            try fixture.leavePartial(Data(repeating: 0x41, count: 200_000))
            let result = try await fixture.download()
            #expect(try Data(contentsOf: result.file) == fixture.reference)
            #expect(fixture.storageRequests.map(\.status) == [206, 200])
            #expect(result.statistics.restarts == 1)
        }
    }
}
