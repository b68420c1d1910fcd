import Foundation

extension GitHubClient {
    private func importPath(_ repository: RepositoryName, _ suffix: String = "") -> String {
        "/repos/\(PathSegment.escape(repository.owner))/\(PathSegment.escape(repository.name))/import\(suffix)"
    }

    /// Starts a source import into a repository (`PUT .../import`).
    public func startImport(_ repository: RepositoryName, _ request: StartImportRequest) async throws -> SourceImport {
        try await fetch(SourceImport.self, APIRequest(method: .put, path: importPath(repository), body: body(request)))
    }

    /// Gets an import's progress.
    public func importProgress(_ repository: RepositoryName) async throws -> SourceImport {
        try await fetch(SourceImport.self, APIRequest(method: .get, path: importPath(repository)))
    }

    /// Updates credentials or the chosen project; an empty update restarts the import.
    public func updateImport(_ repository: RepositoryName, _ request: UpdateImportRequest) async throws
        -> SourceImport
    {
        try await fetch(
            SourceImport.self, APIRequest(method: .patch, path: importPath(repository), body: body(request)))
    }

    /// Cancels an import (`DELETE .../import`).
    public func cancelImport(_ repository: RepositoryName) async throws {
        try await perform(APIRequest(method: .delete, path: importPath(repository)))
    }

    /// Lists commit authors, optionally only those after the author id `since`.
    public func importAuthors(_ repository: RepositoryName, since: Int64? = nil) async throws -> [ImportAuthor] {
        let query = since.map { [("since", String($0))] } ?? []
        return try await fetch(
            [ImportAuthor].self, APIRequest(method: .get, path: importPath(repository, "/authors"), query: query))
    }

    /// Maps a commit author to a GitHub identity.
    public func mapAuthor(_ repository: RepositoryName, authorID: Int64, _ mapping: AuthorMapping) async throws
        -> ImportAuthor
    {
        let request = APIRequest(
            method: .patch, path: importPath(repository, "/authors/\(authorID)"), body: try body(mapping))
        return try await fetch(ImportAuthor.self, request)
    }

    /// Lists files over 100 MB found by the import.
    public func largeFiles(_ repository: RepositoryName) async throws -> [LargeFile] {
        try await fetch([LargeFile].self, APIRequest(method: .get, path: importPath(repository, "/large_files")))
    }

    /// Chooses whether large files go to Git LFS (`opt_in`) or are left out (`opt_out`).
    public func setLFSPreference(_ repository: RepositoryName, _ choice: LFSChoice) async throws -> SourceImport {
        let request = APIRequest(
            method: .patch, path: importPath(repository, "/lfs"), body: try body(["use_lfs": choice.rawValue]))
        return try await fetch(SourceImport.self, request)
    }
}
