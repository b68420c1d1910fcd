import Foundation
import GitHubMigrations
import TestSupport
import Testing

@testable import migdash

@Suite("migdash backup --keep: what is removed from the download folder")
struct ArchiveRetentionTests {
    /// Writes an archive-named file of `size` bytes and, unless `listed` is false, its manifest entry.
    private func place(
        _ folder: TemporaryDirectory, _ scope: MigrationScope, _ id: Int64, size: Int = 10, listed: Bool = true
    ) throws -> String {
        let name = try ArchiveFileName.name(scope, id: id, guid: "abc\(id)")
        try Data(repeating: 7, count: size).write(to: URL(fileURLWithPath: folder.path + "/" + name))
        guard listed else { return name }
        let entry = DownloadManifest.Entry(
            name: name, migrationID: id, scope: scope.description, guid: "abc\(id)", size: 10, sha256: "00",
            downloadedAt: Date(timeIntervalSince1970: 1_900_000_000 - Double(id)))
        try DownloadManifest.update(in: URL(fileURLWithPath: folder.path)) { $0.record(entry) }
        return name
    }

    @Test("the saved archive and the newest others by id stay; older ones of that scope go, file and entry")
    func prune() throws {
        let folder = try TemporaryDirectory(prefix: "migdash-retention")
        let url = URL(fileURLWithPath: folder.path)
        let scope = MigrationScope.organization("octo-org")
        let oldest = try place(folder, scope, 10)
        let older = try place(folder, scope, 20)
        let newer = try place(folder, scope, 40)
        // A reused migration older than one already in the folder: it is the one just saved, so it stays.
        let saved = try place(folder, scope, 30)
        let other = try place(folder, .organization("octo-org-2"), 5)
        let mine = try place(folder, .user, 1)
        let unlisted = try place(folder, scope, 2, listed: false)
        let outcome = try ArchiveRetention.prune(url, scope: scope, keep: 2, saved: saved)
        #expect(outcome.removed == [folder.path + "/" + older, folder.path + "/" + oldest])
        #expect(outcome.notes.isEmpty)
        #expect(Set(folder.files()).isSuperset(of: [saved, newer, other, mine, unlisted]))
        #expect(!folder.files().contains(older) && !folder.files().contains(oldest))
        let names = try DownloadManifest.load(from: url).archives.map(\.name)
        #expect(Set(names) == [saved, newer, other, mine])
    }

    @Test("a listed file that changed is left with its entry; a listed file gone loses its entry")
    func changedOrGone() throws {
        let folder = try TemporaryDirectory(prefix: "migdash-retention-changed")
        let url = URL(fileURLWithPath: folder.path)
        let scope = MigrationScope.user
        let changed = try place(folder, scope, 1)
        try Data(repeating: 1, count: 99).write(to: URL(fileURLWithPath: folder.path + "/" + changed))
        let gone = try place(folder, scope, 2)
        try FileManager.default.removeItem(atPath: folder.path + "/" + gone)
        let saved = try place(folder, scope, 3)
        let outcome = try ArchiveRetention.prune(url, scope: scope, keep: 1, saved: saved)
        #expect(outcome.removed.isEmpty)
        #expect(outcome.notes.count == 2, "\(outcome.notes)")
        #expect(folder.files().contains(changed))
        let names = try DownloadManifest.load(from: url).archives.map(\.name)
        #expect(Set(names) == [changed, saved])
    }
}
