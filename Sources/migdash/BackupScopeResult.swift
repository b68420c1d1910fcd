import GitHubMigrations

/// How `migdash backup` ended for one scope: a line of the summary, and an object of `--json`.
struct BackupScopeResult: Encodable, Equatable {
    /// `saved`, `failed` or `empty`.
    enum Outcome: String, Encodable {
        /// The archive is downloaded, verified and recorded.
        case saved
        /// Something on the way failed; `error` says what.
        case failed
        /// The scope has no repositories, so there was nothing to back up.
        case empty
    }

    /// `organization` or `user`.
    var scope: String
    /// The organization's login, nil for the user's own account.
    var organization: String?
    /// How it ended.
    var outcome: Outcome
    /// How many repositories the scope has (nil when they could not be listed).
    var repositories: Int?
    /// The migration backed up, once one was found or started.
    var migrationID: Int64?
    /// True when a recent migration was used instead of starting one.
    var reused = false
    /// True when this run started the migration.
    var started = false
    /// Where the verified archive is, when saved.
    var archive: String?
    /// The older archives `--keep` removed.
    var removed: [String] = []
    /// The line saying why it failed.
    var error: String?

    /// A scope's result before anything happened: failed until it is shown otherwise.
    init(_ scope: MigrationScope) {
        if case .organization(let login) = scope {
            self.scope = "organization"
            organization = login
        } else {
            self.scope = "user"
        }
        outcome = .failed
    }

    enum CodingKeys: String, CodingKey {
        case scope, organization, outcome, repositories, reused, started, archive, removed, error
        case migrationID = "migration_id"
    }

    /// Every field, nil ones as `null`: a script can rely on each key being there.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(scope, forKey: .scope)
        try container.encode(organization, forKey: .organization)
        try container.encode(outcome, forKey: .outcome)
        try container.encode(repositories, forKey: .repositories)
        try container.encode(migrationID, forKey: .migrationID)
        try container.encode(reused, forKey: .reused)
        try container.encode(started, forKey: .started)
        try container.encode(archive, forKey: .archive)
        try container.encode(removed, forKey: .removed)
        try container.encode(error, forKey: .error)
    }

    /// `backup: 2 of 2 scopes saved, 1 reused, 1 started; 3 archives removed` (with `, 1 empty` when
    /// a scope had no repositories). Reused and started count every scope, a failed one too: a start
    /// that went out is worth knowing about whatever came after.
    static func summary(_ results: [BackupScopeResult]) -> String {
        let saved = results.filter { $0.outcome == .saved }
        let empty = results.count { $0.outcome == .empty }
        let removed = results.reduce(0) { $0 + $1.removed.count }
        var line = "backup: \(saved.count) of \(results.count) scope\(results.count == 1 ? "" : "s") saved, "
        line += "\(results.count { $0.reused }) reused, \(results.count { $0.started }) started"
        if empty > 0 { line += ", \(empty) empty" }
        return line + "; \(removed) archive\(removed == 1 ? "" : "s") removed"
    }
}
