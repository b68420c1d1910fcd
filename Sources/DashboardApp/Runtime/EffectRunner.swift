import DashboardCore
import Foundation
import GitHubMigrations

/// Executes effects against the API, each in its own task, and posts their results as events.
/// The only place the dashboard meets the network.
final class EffectRunner: Sendable {
    let client: GitHubClient
    let inbox: EventInbox
    let downloadDirectory: URL
    /// The journal, when one is kept.
    let recorder: JournalRecorder?
    private let tasks = TaskTracker()
    private let folderWatch: ArchiveFolderWatch

    init(client: GitHubClient, inbox: EventInbox, downloadDirectory: URL, recorder: JournalRecorder? = nil) {
        self.client = client
        self.inbox = inbox
        self.downloadDirectory = downloadDirectory
        self.recorder = recorder
        folderWatch = ArchiveFolderWatch(directory: downloadDirectory)
    }

    /// Starts an effect; its result arrives in the inbox.
    func run(_ effect: Effect) {
        if case .cancelDownload(let key) = effect { return tasks.cancel(named: Self.taskName(downloading: key)) }
        var name: String?
        if case .download(let key, _) = effect { name = Self.taskName(downloading: key) }
        tasks.start(named: name) { [self] in
            let result: [Event]
            do {
                result = try await execute(effect)
            } catch let error as GitHubError {
                result = [.requestFailed(effect, error, at: Date())]
            } catch is CancellationError {
                return
            } catch {
                let wrapped = GitHubError(kind: .offline, message: String(describing: error), request: "\(effect)")
                result = [.requestFailed(effect, wrapped, at: Date())]
            }
            // The rate limit goes first, so the state is complete once the result is in.
            inbox.post(.rateLimitUpdated(await client.currentRateLimit()))
            result.forEach(inbox.post)
        }
    }

    /// The name of the task downloading a migration's archive, so that `D` can stop it.
    private static func taskName(downloading key: MigrationKey) -> String { "download \(key.scope) \(key.id)" }

    /// Cancels running work and closes the client.
    func shutdown() async {
        tasks.cancelAll()
        try? await client.shutdown()
    }

    /// Runs an effect and returns the events that report its outcome.
    private func execute(_ effect: Effect) async throws -> [Event] {
        switch effect {
        case .connect:
            let user = try await client.authenticatedUser()
            let orgs = try await client.organizations().map(\.login)
            // The journal is per login: it opens now, and its history arrives before the first lists.
            return openJournal(login: user.login) + [.connected(user: user.login, orgs: orgs, at: Date())]
        case .loadMigrationPage(let scope, let page):
            return [
                .migrationPageLoaded(scope, page: page, try await client.migrationPage(scope, page: page), at: Date())
            ]
        case .loadMigration(let key):
            return [.migrationLoaded(key, try await client.migrationIfChanged(key.scope, id: key.id), at: Date())]
        case .loadRepositories(let key):
            return [.repositoriesLoaded(key, try await client.migrationRepositories(key.scope, id: key.id))]
        case .loadRepositoryChoices(let scope):
            let names: [String]
            switch scope {
            case .organization(let org): names = try await client.organizationRepositories(org).map(\.name)
            case .user: names = try await client.userRepositories().map(\.fullName)
            }
            return [.repositoryChoicesLoaded(scope, names)]
        case .discoverImports:
            return [try await discoverImports()]
        case .loadImport(let repo):
            return [.importLoaded(repo, try await client.importProgress(repo), at: Date())]
        case .loadAuthors(let repo):
            return [.authorsLoaded(repo, try await client.importAuthors(repo))]
        case .perform(let action):
            return [await perform(action)]
        case .download(let key, let guid):
            return [try await download(key, guid: guid)]
        case .scanArchives:
            return [folderWatch.scanIfChanged().map(Event.archivesFound) ?? .archivesUnchanged]
        case .inspectArchive(let key, let path):
            return [await inspect(key, path: path)]
        case .loadHistory(let key):
            return [loadHistory(key)]
        case .resumeRequests:
            await client.cancelWaits()
            return []
        case .bell, .quit, .suspend, .cancelDownload, .copy, .notify:
            return []
        }
    }

    /// GitHub has no list of imports: probe the most recent repositories for one, and stop at the first
    /// sign that the API is retired.
    private func discoverImports() async throws -> Event {
        let repos = try await client.userRepositories()
        var candidates = repos.compactMap { RepositoryName($0.fullName) }
        for org in try await client.organizations().map(\.login) {
            let orgRepos = (try? await client.organizationRepositories(org)) ?? []
            candidates += orgRepos.compactMap { RepositoryName($0.fullName) }
        }
        var found: [RepositoryName] = []
        for repo in candidates.prefix(Self.discoveryLimit) {
            do {
                _ = try await client.importProgress(repo)
                found.append(repo)
            } catch let error as GitHubError where error.kind == .notFound {
                continue
            } catch let error as GitHubError where error.kind == .retiredAPI {
                return .importsRetired(error, at: Date())
            }
        }
        return .importsDiscovered(found)
    }

    /// Repositories probed for imports at launch.
    static let discoveryLimit = 30

    private func perform(_ action: Action) async -> Event {
        do {
            switch action {
            case .startMigration(let scope, let request):
                let migration = try await client.startMigration(scope, request)
                return .migrationStarted(scope, request, migration, at: Date())
            case .unlock(let key, let repository):
                try await client.unlockRepository(key.scope, id: key.id, repository: repository)
            case .deleteArchive(let key): try await client.deleteArchive(key.scope, id: key.id)
            case .startImport(let repo, let request): _ = try await client.startImport(repo, request)
            case .updateImport(let repo, let request): _ = try await client.updateImport(repo, request)
            case .mapAuthor(let repo, let author, let mapping):
                _ = try await client.mapAuthor(repo, authorID: author.id, mapping)
            case .setLFS(let repo, let choice): _ = try await client.setLFSPreference(repo, choice)
            case .cancelImport(let repo): try await client.cancelImport(repo)
            }
            return .actionCompleted(action, at: Date())
        } catch let error as GitHubError {
            return .actionFailed(action, error, at: Date())
        } catch {
            let wrapped = GitHubError(kind: .offline, message: String(describing: error), request: action.attemptText)
            return .actionFailed(action, wrapped, at: Date())
        }
    }
}
