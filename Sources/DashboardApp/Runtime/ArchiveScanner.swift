import DashboardCore
import Foundation
import GitHubMigrations

/// Finds archives already in the download folder, by the names migdash gives them:
/// `ORG-migration-ID-GUID.tar.gz` or `user-migration-ID-GUID.tar.gz`.
enum ArchiveScanner {
    /// The archives found, by migration.
    static func scan(_ directory: URL) -> [MigrationKey: String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        var found: [MigrationKey: String] = [:]
        for name in names where name.hasSuffix(".tar.gz") {
            guard let match = name.firstMatch(of: /^(.+)-migration-(\d+)-[0-9a-fA-F-]+\.tar\.gz$/),
                let id = Int64(match.output.2)
            else { continue }
            let owner = String(match.output.1)
            let scope: MigrationScope = owner == "user" ? .user : .organization(owner)
            found[MigrationKey(scope: scope, id: id)] = directory.appendingPathComponent(name).path
        }
        return found
    }
}
