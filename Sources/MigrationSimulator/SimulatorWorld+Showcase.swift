import Foundation

extension SimulatorWorld {
    /// Migrations in every state, for organization and user both, so a demo looks alive.
    ///
    /// The pending and exporting ones run slower than new migrations so a viewer can watch them move.
    /// 240490's archive expires in under a day. The exported 240498 carries at least 3 MB of Git data (`largeArchiveBytes` when larger), so a
    /// download shows progress.
    mutating func seedMigrations(now: Date, exportSeconds: Double, largeArchiveBytes: Int = 0) {
        let org = Self.ownedOrganization
        let user = Self.viewer
        let locked = MigrationFlags(lockRepositories: true)
        let plain = MigrationFlags()
        let hour = 3_600.0
        seed(240_507, org, ["octo-repo"], locked, at: now, for: exportSeconds * 3)
        seed(240_505, org, ["website", "api-server"], locked, at: now - exportSeconds, for: exportSeconds * 4)
        seed(240_501, org, ["octo-repo", "website"], locked, at: now - 2 * hour, for: 14)
        seed(
            240_498, org, ["api-server"], plain, at: now - 26 * hour, for: 45,
            extraPackBytes: max(3 << 20, largeArchiveBytes))
        seed(240_493, org, ["broken-monolith"], plain, at: now - 50 * hour, for: 30)
        // Exported six and a quarter days ago: its archive expires within a day, so the demo shows
        // the warning an administrator must not miss.
        seed(240_490, org, ["website"], plain, at: now - 150 * hour, for: 30)
        seed(240_506, user, ["dotfiles"], plain, at: now, for: exportSeconds * 3)
        seed(240_504, user, ["Hello-World", "dotfiles"], plain, at: now - exportSeconds, for: exportSeconds * 4)
        seed(240_502, user, ["Hello-World"], locked, at: now - 3 * hour, for: 11)
        seed(240_499, user, ["dotfiles"], plain, at: now - 30 * hour, for: 20, exclude: ["repositories"])
        seed(240_495, user, ["broken-experiments"], plain, at: now - 60 * hour, for: 25)
    }

    /// One import importing, one complete and one stuck at `auth_failed`.
    mutating func seedImports(now: Date, importSeconds: Double) {
        let org = Self.ownedOrganization
        var importing = newImport(
            owner: org, repository: "legacy-svn", url: "https://svn.example.com/large/legacy-svn",
            vcs: "subversion", now: now, duration: importSeconds * 5)
        importing.startedAt = now.addingTimeInterval(-importSeconds * 1.25)
        var complete = newImport(
            owner: org, repository: "old-hg", url: "https://hg.example.com/old-hg", vcs: "mercurial", now: now,
            duration: importSeconds)
        complete.startedAt = now.addingTimeInterval(-86_400)
        var stuck = newImport(
            owner: org, repository: "vendor-tfs", url: "https://tfs.example.com/tfs/DefaultCollection/vendor",
            vcs: nil, now: now, duration: importSeconds)
        stuck.trouble = .authFailed
        stuck.startedAt = now.addingTimeInterval(-3_600)
        for record in [importing, complete, stuck] {
            imports[Self.importKey(owner: record.owner, repository: record.repository)] = record
        }
    }

    private mutating func seed(
        _ id: Int, _ owner: String, _ names: [String], _ flags: MigrationFlags, at created: Date,
        for duration: Double, extraPackBytes: Int = 0, exclude: [String]? = nil
    ) {
        let repos = names.compactMap { repository(owner: owner, name: $0) }
        var record = newMigration(
            id: id, owner: owner, organization: owner != Self.viewer, repositories: repos, flags: flags,
            exclude: exclude, createdAt: created, duration: duration)
        record.extraPackBytes = extraPackBytes
        migrations[id] = record
    }
}

extension Date {
    /// The date `seconds` earlier.
    static func - (date: Date, seconds: Double) -> Date {
        date.addingTimeInterval(-seconds)
    }
}
