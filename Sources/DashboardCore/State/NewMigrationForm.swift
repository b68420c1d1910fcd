import GitHubMigrations

/// The state of the new-migration dialog: scope, repositories picked from a filterable list, flags, preview.
public struct NewMigrationForm: Sendable, Equatable {
    /// The dialog's fields, in Tab order.
    public enum Field: Int, CaseIterable, Sendable {
        case scope, repositories, lock, excludeMetadata, excludeGitData, excludeAttachments, excludeReleases
        case excludeOwnerProjects, perRepository, submit

        /// The label shown.
        public var label: String {
            switch self {
            case .scope: "Scope"
            case .repositories: "Repositories"
            case .lock: "lock_repositories"
            case .excludeMetadata: "exclude_metadata"
            case .excludeGitData: "exclude_git_data"
            case .excludeAttachments: "exclude_attachments"
            case .excludeReleases: "exclude_releases"
            case .excludeOwnerProjects: "exclude_owner_projects"
            case .perRepository: "one migration per repository"
            case .submit: "Start migration"
            }
        }
    }

    /// The scopes to choose from: the user, then each watched organization.
    public var scopes: [MigrationScope]
    /// The chosen scope's index.
    public var scopeIndex = 0
    /// Repositories of the chosen scope; nil while loading.
    public var choices: [String]?
    /// Picked repositories.
    public var picked: Set<String> = []
    /// Filter typed in the repository list.
    public var filter = ""
    /// Cursor in the filtered repository list.
    public var cursor = ListCursor()
    /// The focused field.
    public var field: Field = .repositories
    /// Flags, each default off except locking, which GitHub highly recommends.
    public var flags: Set<Field> = [.lock]
    /// Where the submitted request stands; nil before it is sent.
    public var status: Status?

    /// Where a submitted start stands, as the dialog shows it.
    public enum Status: Sendable, Equatable {
        /// Sent; GitHub has not answered. Nothing can be sent again meanwhile.
        case sending
        /// The answer was lost; the list is being checked for the migration.
        case checking
        /// GitHub refused it, or it did not go through: the picks stay for another try.
        case failed(String)
    }

    /// True while the request is out and the dialog must not send it again.
    public var isBusy: Bool { status == .sending || status == .checking }

    /// Creates the dialog for the given scopes.
    public init(scopes: [MigrationScope]) {
        self.scopes = scopes
    }

    /// The chosen scope.
    public var scope: MigrationScope { scopes[min(scopeIndex, scopes.count - 1)] }

    /// The repositories the filter lets through.
    public var visibleChoices: [String] {
        let all = choices ?? []
        guard !filter.isEmpty else { return all }
        return all.filter { $0.localizedCaseInsensitiveContains(filter) }
    }

    /// The request the dialog will send.
    public var request: StartMigrationRequest {
        StartMigrationRequest(
            repositories: picked.sorted(), lockRepositories: flags.contains(.lock),
            excludeMetadata: flags.contains(.excludeMetadata), excludeGitData: flags.contains(.excludeGitData),
            excludeAttachments: flags.contains(.excludeAttachments), excludeReleases: flags.contains(.excludeReleases),
            excludeOwnerProjects: flags.contains(.excludeOwnerProjects))
    }

    /// True when each picked repository gets a migration of its own (as GitHub's importer makes them,
    /// and as gh-repo-export's `--archive-per-repo` does), rather than one migration of them all.
    public var startsOnePerRepository: Bool { flags.contains(.perRepository) && picked.count > 1 }

    /// The requests the dialog will send, in order: one, or one per picked repository.
    public var requests: [StartMigrationRequest] {
        let whole = request
        guard startsOnePerRepository else { return [whole] }
        return whole.repositories.map { name in
            var one = whole
            one.repositories = [name]
            return one
        }
    }

    /// The request as it will go over the wire, for the preview.
    public var preview: [String] {
        let request = self.request
        let path = scope == .user ? "/user/migrations" : "/orgs/\(scope)/migrations"
        var lines = [
            startsOnePerRepository
                ? "POST \(path) × \(picked.count), one repository each, a second apart" : "POST \(path)"
        ]
        lines.append("repositories: [" + request.repositories.joined(separator: ", ") + "]")
        let set = Field.allCases.filter { self.flags.contains($0) && $0 != .perRepository }.map { "\($0.label): true" }
        lines.append(set.isEmpty ? "every flag false (GitHub's defaults)" : set.joined(separator: ", "))
        return lines
    }

    /// Why the dialog cannot be submitted yet, if it cannot.
    public var problem: String? {
        switch status {
        case .sending: return "starting… waiting for GitHub's answer"
        case .checking: return "may have been started; checking the list…"
        case .failed(let reason): return reason
        case nil: break
        }
        if choices == nil { return "loading repositories…" }
        if picked.isEmpty { return "pick at least one repository (Space)" }
        return nil
    }
}
