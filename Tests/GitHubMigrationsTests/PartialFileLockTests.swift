import Foundation
import Testing

@testable import GitHubMigrations

/// The `.part` file's lock ends with the download, not with the object (which a task may still hold).
@Suite("The partial file's lock")
struct PartialFileLockTests {
    @Test("While held, a second opener is refused; after unlock it gets the file, the first object still alive")
    func unlockReleases() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("migdash-part-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("a.tar.gz.part").path
        let first = try PartialFile(path: path)
        #expect(throws: ArchiveDownloadError.self) { _ = try PartialFile(path: path) }
        first.unlock()
        let second = try PartialFile(path: path)
        #expect(second.path == first.path, "the first is alive: only unlock can have freed the lock")
    }
}
