import Foundation

extension GitHubClient {
    /// Starts a migration (`POST .../migrations`); never retried, since a second POST starts a second export.
    public func startMigration(_ scope: MigrationScope, _ request: StartMigrationRequest) async throws -> Migration {
        try await fetch(Migration.self, APIRequest(method: .post, path: scope.migrationsPath, body: body(request)))
    }

    /// Lists the scope's migrations, newest first, every page.
    /// - Parameter excludeRepositories: leave out each migration's repository list, to save bytes.
    public func listMigrations(_ scope: MigrationScope, excludeRepositories: Bool = false, perPage: Int = 100)
        async throws -> [Migration]
    {
        let query = excludeRepositories ? [("exclude", "repositories")] : []
        return try await fetchAll(Migration.self, path: scope.migrationsPath, query: query, perPage: perPage)
    }

    /// Reads one page of the scope's migrations by its number (GitHub documents `page` for this list),
    /// newest first. A page unchanged since the client last read it comes back with `items == nil` and
    /// is not decoded again; the client keeps only its validators, not its body.
    public func migrationPage(_ scope: MigrationScope, page: Int, perPage: Int = 100) async throws
        -> ListPage<Migration>
    {
        let number = min(max(page, 1), configuration.maxPages)
        let size = min(max(perPage, 1), 100)
        var request = APIRequest(
            method: .get, path: scope.migrationsPath, query: [("per_page", String(size)), ("page", String(number))])
        request.cachesBody = false
        let response = try await send(request)
        let links = response.links
        let last = links.last.flatMap(Self.pageNumber).map { min($0, configuration.maxPages) }
        let items =
            response.fromCache
            ? nil : try GitHubJSON.decode([Migration].self, from: response.body, request: request.summary)
        if let items, items.count > size {
            throw GitHubError(
                kind: .malformedResponse, message: "a page held \(items.count) items, more than the \(size) asked for",
                request: request.summary)
        }
        return ListPage(
            items: items, hasNext: links.next != nil && number < configuration.maxPages, lastPage: last, perPage: size)
    }

    /// Gets one migration's status, or nil when it is unchanged since the client last read it (a 304,
    /// not decoded again).
    public func migrationIfChanged(_ scope: MigrationScope, id: Int64) async throws -> Migration? {
        var request = APIRequest(method: .get, path: "\(scope.migrationsPath)/\(id)")
        request.cachesBody = false
        let response = try await send(request)
        return response.fromCache
            ? nil : try GitHubJSON.decode(Migration.self, from: response.body, request: request.summary)
    }

    /// The `page` number in a `Link` URL, if it has one that is a positive number.
    static func pageNumber(_ url: String) -> Int? {
        guard let items = URLComponents(string: url)?.queryItems,
            let value = items.last(where: { $0.name == "page" })?.value, let number = Int(value), number > 0
        else { return nil }
        return number
    }

    /// Gets one migration's status.
    public func migration(_ scope: MigrationScope, id: Int64) async throws -> Migration {
        try await fetch(Migration.self, APIRequest(method: .get, path: "\(scope.migrationsPath)/\(id)"))
    }

    /// Lists the repositories of a migration, every page.
    public func migrationRepositories(_ scope: MigrationScope, id: Int64, perPage: Int = 100) async throws
        -> [SimpleRepository]
    {
        try await fetchAll(SimpleRepository.self, path: "\(scope.migrationsPath)/\(id)/repositories", perPage: perPage)
    }

    /// Deletes a migration's archive; the migration itself stays readable.
    public func deleteArchive(_ scope: MigrationScope, id: Int64) async throws {
        try await perform(APIRequest(method: .delete, path: "\(scope.migrationsPath)/\(id)/archive"))
    }

    /// Unlocks a repository a migration locked. GitHub answers 404 when it is not locked.
    public func unlockRepository(_ scope: MigrationScope, id: Int64, repository name: String) async throws {
        let path = "\(scope.migrationsPath)/\(id)/repos/\(PathSegment.escape(name))/lock"
        try await perform(APIRequest(method: .delete, path: path))
    }

    /// The storage URL of a migration's archive, read from the 302 without following it,
    /// so the token never reaches the storage host. Falls back to the body, which GitHub fills with the URL.
    public func archiveURL(_ scope: MigrationScope, id: Int64) async throws -> URL {
        let request = APIRequest(method: .get, path: "\(scope.migrationsPath)/\(id)/archive", followRedirects: false)
        let response = try await send(request)
        guard (300..<400).contains(response.status) else {
            throw GitHubError(
                kind: .malformedResponse, status: response.status, message: "expected a redirect to the archive",
                request: request.summary)
        }
        let bodyText = String(decoding: response.body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let candidate = response.headers.first("location") ?? bodyText
        guard let url = URL(string: candidate), url.scheme == "https" || url.scheme == "http", url.host != nil else {
            throw GitHubError(
                kind: .malformedResponse, status: response.status, message: "the redirect names no archive URL",
                request: request.summary)
        }
        return url
    }
}
