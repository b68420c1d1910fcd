import DashboardApp
import DashboardCore
import Foundation
import GitHubMigrations

/// `migdash backup` for one scope: list its repositories, reuse a recent migration of exactly them or
/// start one, follow it on the dashboard's polling core as `migdash wait` does, download and verify it with `migdash download`'s run,
/// then prune older archives. Each step is one line.
struct BackupScopeRun {
    /// The API client.
    let client: GitHubClient
    /// The settings the polling core runs with while a migration is waited for.
    let settings: Settings
    /// The token for that run of the core.
    let token: String
    /// The download folder, holding every scope's archives and the one manifest.
    let directory: URL
    /// How recent a migration may be reused, in seconds; 0 never reuses.
    let reuseWithin: Double
    /// How many archives of the scope to keep; nil keeps all.
    let keep: Int?
    /// Whether a migration started here locks the repositories.
    let lock: Bool
    /// Repositories left out, lowercased: `name` (an organization's) or `owner/name` (any scope's).
    var excluded: Set<String> = []

    /// Backs up `scope`; the failure, when there is one, is printed by the caller.
    func run(_ scope: MigrationScope, into result: inout BackupScopeResult) async -> CommandFailure? {
        var repositories: [SimpleRepository]
        do {
            switch scope {
            case .user: repositories = try await client.userRepositories()
            case .organization(let login): repositories = try await client.organizationRepositories(login)
            }
        } catch {
            return .of(error)
        }
        let listed = repositories.count
        repositories.removeAll { repo in
            excluded.contains(repo.fullName.lowercased())
                || (scope != .user && excluded.contains(repo.name.lowercased()))
        }
        if repositories.count < listed {
            Console.line(
                "\(scope): leaving out \(listed - repositories.count) of \(listed) repositories (--exclude-repo)")
        }
        result.repositories = repositories.count
        guard !repositories.isEmpty else {
            result.outcome = .empty
            Console.line("\(scope): no repositories; skipped")
            return nil
        }
        let migration: Migration
        switch await migrationToSave(scope, repositories, into: &result) {
        case .success(let found): migration = found
        case .failure(let failure): return failure
        }
        result.migrationID = migration.id
        if migration.state != .exported {
            if case .failure(let failure) = await follow(scope, migration.id) { return failure }
        }
        if case .failure(let failure) = await ArchiveDownloadRun(client: client, directory: directory).run(
            scope, id: migration.id)
        {
            return failure
        }
        // The run succeeded, so the name was built from this guid and the verified file is in place.
        guard let name = try? ArchiveFileName.name(scope, id: migration.id, guid: migration.guid) else {
            return .failed("migration \(migration.id) has a guid no archive is named by")
        }
        result.archive = directory.appendingPathComponent(name).path
        result.outcome = .saved
        guard let keep else { return nil }
        return prune(scope, keeping: keep, saved: name, into: &result)
    }

    /// The migration to download: a recent one of exactly these repositories, else one started now.
    private func migrationToSave(
        _ scope: MigrationScope, _ repositories: [SimpleRepository], into result: inout BackupScopeResult
    ) async -> Result<Migration, CommandFailure> {
        let count = "\(repositories.count) repositor\(repositories.count == 1 ? "y" : "ies")"
        if reuseWithin > 0 {
            do {
                let migrations = try await client.listMigrations(scope)
                if let recent = BackupReuse.candidate(
                    in: migrations, repositories: repositories.map(\.fullName), now: Date(), window: reuseWithin,
                    lock: lock)
                {
                    result.reused = true
                    let age = TimeFormat.duration(Date().timeIntervalSince(recent.createdAt))
                    Console.line(
                        "\(scope): reusing migration \(recent.id) of \(count), \(recent.state.rawValue), started \(age) ago"
                    )
                    return .success(recent)
                }
            } catch {
                return .failure(.of(error))
            }
        }
        // An organization's repositories by name, your own by owner/name, as `migdash start` takes them.
        let names = repositories.map { scope == .user ? $0.fullName : $0.name }
        let request = StartMigrationRequest(repositories: names, lockRepositories: lock)
        do {
            let started = try await client.startMigration(scope, request)
            result.started = true
            Console.line("\(scope): started migration \(started.id) of \(count)")
            return .success(started)
        } catch let error as GitHubError {
            return .failure(StartCommand.lostAnswer(error, "a migration of \(scope)'s \(count)") ?? .api(error))
        } catch {
            return .failure(.of(error))
        }
    }

    /// Follows one migration on the dashboard's polling core, as `migdash wait` does (no list read, no
    /// import probed, nothing downloaded by the core), with no limit: an export ends one way or the other.
    private func follow(_ scope: MigrationScope, _ id: Int64) async -> Result<Void, CommandFailure> {
        let key = MigrationKey(scope: scope, id: id)
        var followed = settings
        followed.session = settings.session.following([key])
        let outcome = await WatchLauncher.run(
            followed, token: token, options: .sayingJournalNotices { Console.error("migdash: \($0)") },
            done: { state in WaitVerdict(state, [key], limit: nil) != nil },
            emit: { events in events.compactMap { WaitCommand.line(for: $0, of: [key]) }.forEach(Console.line) })
        guard case .success(let end) = outcome else { return .failure(.failed("cannot follow migration \(id)")) }
        if let signal = end.signal {
            return .failure(.interrupted("interrupted while waiting for migration \(id)", signal: signal))
        }
        if end.refused {
            let line = end.state.poll.haltMessage ?? "GitHub refused the token"
            return .failure(.summary(line, status: ExitStatus.denied))
        }
        switch WaitVerdict(end.state, [key], limit: nil) {
        case .finished where end.state.migrations[key]?.state == .exported:
            return .success(())
        case .stopped(_, let status, let line):
            return .failure(.summary(line, status: status))
        default:
            // GitHub does not say which repository made an export fail: say how to leave one out.
            return .failure(
                .failed(
                    "migration \(id) failed; it has no archive (GitHub does not say which repository failed; "
                        + "one that cannot be exported can be left out with --exclude-repo NAME)"))
        }
    }

    /// Removes the scope's archives beyond the newest `keep`, the new one counted first.
    private func prune(
        _ scope: MigrationScope, keeping keep: Int, saved name: String, into result: inout BackupScopeResult
    )
        -> CommandFailure?
    {
        do {
            let outcome = try ArchiveRetention.prune(directory, scope: scope, keep: keep, saved: name)
            for path in outcome.removed { Console.line("\(scope): removed \(path)") }
            for note in outcome.notes { Console.error("migdash: \(scope): \(note)") }
            result.removed = outcome.removed
            return nil
        } catch {
            return .failed("\(scope): the archive is saved, but older ones were not removed: \(error.userMessage)")
        }
    }
}
