import DashboardCore
import Foundation
import GitHubMigrations

/// Finds the archives already in the download folder.
///
/// The manifest (`migdash-manifest.json`) says which archives migdash verified; an entry counts while
/// its file is there with the recorded size. Files named as migdash names archives
/// (`ORG-migration-ID-GUID.tar.gz`) that the manifest does not list count too, as an older migdash
/// left them only after checking their length; a listed file whose size changed does not.
enum ArchiveScanner {
    /// The archives found, by migration.
    static func scan(_ directory: URL) -> [MigrationKey: String] {
        let manifest = (try? DownloadManifest.load(from: directory)) ?? DownloadManifest()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        var found: [MigrationKey: String] = [:]
        for name in names {
            guard let parsed = ArchiveFileName.parse(name) else { continue }
            let path = directory.appendingPathComponent(name).path
            if let entry = manifest.entry(named: name), entry.size != DownloadManifest.size(ofFileAt: path) { continue }
            found[MigrationKey(scope: parsed.scope, id: parsed.id)] = path
        }
        return found
    }
}
