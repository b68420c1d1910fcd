import DashboardCore
import Foundation
import GitHubMigrations
import Testing

@testable import DashboardApp

@Suite("Only the manifest vouches for an archive in the download folder")
struct ArchiveTrustTests {
    @Test("a file that merely has an archive's name is not shown as saved; one the manifest vouches for is")
    func scannerTrustsOnlyTheManifest() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("migdash-scan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let guid = "0b5c3a4e-7c1f-11ee-b962-0242ac120002"
        let planted = "octo-org-migration-1-\(guid).tar.gz"
        let vouched = "octo-org-migration-2-\(guid).tar.gz"
        let linked = "octo-org-migration-3-\(guid).tar.gz"
        try Data("not an archive".utf8).write(to: folder.appendingPathComponent(planted))
        try Data("twelve bytes".utf8).write(to: folder.appendingPathComponent(vouched))
        // A symlink under a vouched-for name counts for nothing, whatever it points at.
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent(linked), withDestinationURL: folder.appendingPathComponent(vouched))
        try DownloadManifest.update(in: folder) { manifest in
            for (id, name) in [(Int64(2), vouched), (3, linked)] {
                manifest.record(
                    DownloadManifest.Entry(
                        name: name, migrationID: id, scope: "octo-org", guid: guid, size: 12,
                        sha256: String(repeating: "0", count: 64), downloadedAt: Date(timeIntervalSince1970: 0)))
            }
        }
        let found = ArchiveScanner.scan(folder)
        #expect(found[MigrationKey(scope: .organization("octo-org"), id: 1)] == nil)
        #expect(
            found[MigrationKey(scope: .organization("octo-org"), id: 2)] == folder.appendingPathComponent(vouched).path)
        #expect(found[MigrationKey(scope: .organization("octo-org"), id: 3)] == nil)
        #expect(found.count == 1)
    }
}
