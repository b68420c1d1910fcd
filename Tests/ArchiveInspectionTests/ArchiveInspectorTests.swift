import ArchiveInspection
import ArchiveModel
import Foundation
import TestSupport
import Testing

@Suite("The archive inspector")
struct ArchiveInspectorTests {
    @Test("a sound archive: schema version, record counts per kind, repositories, attachments, SHA-256")
    func intact() async throws {
        let bytes = try await ArchiveSamples.simulatorArchive()
        let url = try ArchiveSamples.file(bytes)
        let report = try await ArchiveInspector.inspect(url)
        #expect(report.verdict == .intact)
        #expect(report.schemaVersion == "1.0.1")
        #expect(report.compressedBytes == Int64(bytes.count))
        #expect(report.uncompressedBytes > report.compressedBytes / 2)
        for (kind, count) in [("users", 1), ("organizations", 1), ("repositories", 1), ("milestones", 1)] {
            #expect(report.records(of: kind) == count, "\(kind)")
        }
        #expect((report.records(of: "issues") ?? 0) >= 3)
        #expect((report.records(of: "pull_requests") ?? 0) >= 2)
        #expect(report.records(of: "attachments") == 1 && report.records(of: "releases") == 1)
        #expect(report.repositories.map(\.name) == ["octo-org/api-server"])
        #expect((report.repositories.first?.bytes ?? 0) > 3 << 20)
        #expect(report.attachments.count == 1 && report.attachments.bytes > 1_000)
        let sum = try await Self.sha256sum(url)
        #expect(report.sha256 == sum)
        let lines = report.lines()
        #expect(lines.contains(ArchiveReport.Line(label: "schema", value: "version 1.0.1")))
        #expect(
            lines.contains(
                ArchiveReport.Line(
                    label: "  octo-org/api-server", value: ByteCount.text(report.repositories[0].bytes))))
    }

    @Test("a truncated archive is reported truncated with what was read so far, wherever it is cut")
    func truncated() async throws {
        let bytes = try await ArchiveSamples.simulatorArchive()
        for length in [0, 1, 10, 600, bytes.count / 2, bytes.count - 8, bytes.count - 1] {
            let report = try await ArchiveInspector.inspect(try ArchiveSamples.file(bytes.prefix(length)))
            #expect(report.verdict.status == .truncated, "cut at \(length): \(report.verdict.summary)")
            #expect(report.sha256 == nil)
        }
        let empty = try await ArchiveInspector.inspect(try ArchiveSamples.file(Data()))
        #expect(empty.verdict == .truncated("the file is empty"))
        let half = try await ArchiveInspector.inspect(try ArchiveSamples.file(bytes.prefix(bytes.count / 2)))
        #expect(half.schemaVersion == "1.0.1" && half.entries > 5)
    }

    @Test("a flipped byte fails the gzip CRC or the deflate data: corrupt")
    func corrupt() async throws {
        var bytes = try await ArchiveSamples.simulatorArchive()
        bytes[bytes.count / 2] ^= 0x5A
        let report = try await ArchiveInspector.inspect(try ArchiveSamples.file(bytes))
        #expect(report.verdict.status == .corrupt, "\(report.verdict.summary)")
        #expect(report.sha256 == nil)
    }

    @Test("bytes that are not gzip, or gzip that is not tar, are corrupt with a reason that says so")
    func notAnArchive() async throws {
        let text = try await ArchiveInspector.inspect(try ArchiveSamples.file(Data("hello, world\n".utf8)))
        #expect(text.verdict.status == .corrupt)
        #expect(text.verdict.reason?.hasPrefix("not a gzip file") == true)
        let gzipped = ArchiveSamples.gzip(Data(repeating: 0x42, count: 5_000))
        let notTar = try await ArchiveInspector.inspect(try ArchiveSamples.file(gzipped))
        #expect(notTar.verdict.status == .corrupt, "\(notTar.verdict.summary)")
        #expect(notTar.verdict.reason?.contains("tar") == true)
    }

    @Test("zero padding after the gzip stream is fine; other trailing bytes are not")
    func trailingBytes() async throws {
        let bytes = try await ArchiveSamples.simulatorArchive()
        let padded = try await ArchiveInspector.inspect(try ArchiveSamples.file(bytes + Data(count: 4096)))
        #expect(padded.verdict == .intact)
        let garbage = try await ArchiveInspector.inspect(try ArchiveSamples.file(bytes + Data("junk".utf8)))
        #expect(garbage.verdict == .corrupt("unexpected bytes after the end of the gzip stream"))
    }

    @Test("a tar split across two gzip members reads as one archive")
    func twoMembers() async throws {
        let bytes = try await ArchiveSamples.simulatorArchive()
        let tar = ArchiveSamples.gunzip(bytes)
        let split = tar.count / 3
        let joined = ArchiveSamples.gzip(tar.prefix(split)) + ArchiveSamples.gzip(tar.dropFirst(split))
        let one = try await ArchiveInspector.inspect(try ArchiveSamples.file(bytes))
        let two = try await ArchiveInspector.inspect(try ArchiveSamples.file(joined))
        #expect(two.verdict == .intact)
        #expect(
            two.kinds == one.kinds && two.repositories == one.repositories
                && two.uncompressedBytes == one.uncompressedBytes)
    }

    @Test("a file that cannot be opened is an error with a code, not a verdict")
    func missingFile() async throws {
        let error = await #expect(throws: ArchiveInspectionError.self) {
            try await ArchiveInspector.inspect(URL(fileURLWithPath: "/nonexistent/archive.tar.gz"))
        }
        #expect(error?.code == "archive_unreadable")
        #expect(error?.userMessage.hasPrefix("Cannot open /nonexistent/archive.tar.gz") == true)
    }

    @Test("a file that cannot be opened leaves no hashing thread behind")
    func missingFileLeavesNoThread() throws {
        let threads = { (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task").count) ?? 0 }
        let before = threads()
        for _ in 0..<40 {
            #expect(throws: ArchiveInspectionError.self) {
                try ArchiveInspector.inspectBlocking(URL(fileURLWithPath: "/nonexistent/archive.tar.gz"))
            }
        }
        // A thread per failed open would add 40; other tests running beside this one add a few at most.
        #expect(threads() - before < 20, "\(before) threads before, \(threads()) after")
    }

    /// `sha256sum`'s answer, an implementation independent of the inspector's.
    static func sha256sum(_ url: URL) async throws -> String {
        let outcome = try await ProcessRunner.run(ProcessRunner.locate("sha256sum"), [url.path])
        return outcome.output.split(separator: " ").first.map(String.init) ?? ""
    }
}
