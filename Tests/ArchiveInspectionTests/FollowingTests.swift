import ArchiveInspection
import ArchiveModel
import Foundation
import Testing

/// The inspector following a file that is still being written, as it does behind a download.
@Suite("Following a growing file")
struct FollowingTests {
    /// Appends `bytes` to the end of the file at `url` in `pieces` writes, advancing `growth` after each, from a
    /// thread of its own with a pause between writes, so the reader keeps catching up and waiting.
    private static func write(_ bytes: Data, to url: URL, in pieces: Int, growth: FileGrowth, finish: Bool) {
        let writer = Thread {
            guard let handle = try? FileHandle(forWritingTo: url), let start = try? handle.seekToEnd() else { return }
            let step = max(1, bytes.count / pieces)
            var offset = 0
            while offset < bytes.count {
                let end = min(bytes.count, offset + step)
                handle.write(bytes[offset..<end])
                offset = end
                growth.advance(to: Int64(start) + Int64(offset))
                Thread.sleep(forTimeInterval: 0.01)
            }
            try? handle.close()
            if finish { growth.finish() }
        }
        writer.start()
    }

    @Test("a file read while it grows gives the same report as the whole file, SHA-256 included")
    func sameReport() async throws {
        let bytes = try await ArchiveSamples.simulatorArchive()
        let whole = try await ArchiveInspector.inspect(try ArchiveSamples.file(bytes))
        let url = try ArchiveSamples.file(Data())
        let growth = FileGrowth()
        Self.write(bytes, to: url, in: 37, growth: growth, finish: true)
        let followed = try await ArchiveInspector.inspect(url, following: growth)
        #expect(whole.verdict == .intact)
        #expect(followed == whole)
    }

    @Test("bytes already in the file are read first, then the rest as it comes")
    func resumedFile() async throws {
        let bytes = try await ArchiveSamples.simulatorArchive()
        let half = bytes.count / 2
        let url = try ArchiveSamples.file(bytes.prefix(half))
        let growth = FileGrowth(written: Int64(half))
        Self.write(Data(bytes.suffix(from: half)), to: url, in: 11, growth: growth, finish: false)
        // The writer stops after the last byte without saying so: the reader waits at the end…
        try await Task.sleep(for: .milliseconds(400))
        // …until the file is declared whole.
        let deadline = ContinuousClock.now + .seconds(30)
        while growth.bytes < Int64(bytes.count), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        growth.finish()
        let report = try await ArchiveInspector.inspect(url, following: growth)
        #expect(report.verdict == .intact)
        #expect(report.compressedBytes == Int64(bytes.count))
    }

    @Test("a reader waiting for bytes that never come stops with CancellationError once abandoned")
    func abandoned() async throws {
        let bytes = try await ArchiveSamples.simulatorArchive()
        let url = try ArchiveSamples.file(bytes.prefix(bytes.count / 3))
        let growth = FileGrowth(written: Int64(bytes.count / 3))
        let reading = Task { try await ArchiveInspector.inspect(url, following: growth) }
        try await Task.sleep(for: .milliseconds(200))
        growth.abandon()
        await #expect(throws: CancellationError.self) { try await reading.value }
    }

    @Test("cancelling the task stops a reader that is waiting for bytes")
    func cancelled() async throws {
        let url = try ArchiveSamples.file(Data())
        let growth = FileGrowth()
        let reading = Task { try await ArchiveInspector.inspect(url, following: growth) }
        try await Task.sleep(for: .milliseconds(100))
        reading.cancel()
        await #expect(throws: CancellationError.self) { try await reading.value }
    }

    @Test("bytes that are not an archive end the read early, before the writer finishes")
    func defectEndsEarly() async throws {
        let html = Data(String(repeating: "<html>Access denied</html>\n", count: 200).utf8)
        let url = try ArchiveSamples.file(html)
        let growth = FileGrowth(written: Int64(html.count))
        // Never finished: only the defect can end this read.
        let report = try await ArchiveInspector.inspect(url, following: growth)
        #expect(report.verdict.status == .corrupt, "\(report.verdict.summary)")
        growth.abandon()
    }

    @Test("a file emptied behind the writer's back is a read error, not a reader spinning on empty reads")
    func shrunk() async throws {
        let bytes = try await ArchiveSamples.simulatorArchive()
        let url = try ArchiveSamples.file(bytes.prefix(4096))
        let growth = FileGrowth(written: 4096)
        let reading = Task { try await ArchiveInspector.inspect(url, following: growth) }
        try await Task.sleep(for: .milliseconds(200))
        truncate(url.path, 0)
        growth.advance(to: 8192)
        await #expect(throws: ArchiveInspectionError.self) { try await reading.value }
    }
}
