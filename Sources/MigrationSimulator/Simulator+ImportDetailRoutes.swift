import Foundation

/// The body of PATCH `/import/authors/{author_id}`.
struct AuthorBody: Decodable, Sendable {
    var email: String?
    var name: String?
}

/// The body of PATCH `/import/lfs`.
struct LFSBody: Decodable, Sendable {
    var useLfs: String?
}

extension Simulator {
    /// Commit authors, large files and the LFS choice of a source import.
    static let importDetailRoutes: [Route] = [
        Route("GET", "/repos/:owner/:repo/import/authors") { sim, request, parameters, now in
            sim.withImport(parameters) { sim.listAuthors(request, record: $0, now: now) }
        },
        Route("PATCH", "/repos/:owner/:repo/import/authors/:author") { sim, request, parameters, _ in
            sim.withImport(parameters) { sim.mapAuthor(request, record: $0, id: parameters["author"]) }
        },
        Route("GET", "/repos/:owner/:repo/import/large_files") { sim, _, parameters, now in
            sim.withImport(parameters) { record in
                let visible = record.progress(at: now).largeFilesVisible
                return .json((visible ? record.largeFiles : []).map(WireLargeFile.init))
            }
        },
        Route("PATCH", "/repos/:owner/:repo/import/lfs") { sim, request, parameters, now in
            sim.withImport(parameters) { sim.setLFS(request, record: $0, now: now) }
        },
    ]

    /// Authors are known once detection is over; `since` skips ids up to and including it.
    private func listAuthors(_ request: APIRequest, record: ImportRecord, now: Date) -> APIResponse {
        guard record.progress(at: now).authorsCount != nil else { return .json([WireImportAuthor]()) }
        let since = request.query.value("since").flatMap { Int($0) } ?? 0
        let authors = record.authors.filter { $0.id > since }.map {
            WireImportAuthor($0, owner: record.owner, repository: record.repository, base: request.base)
        }
        return .json(authors)
    }

    private func mapAuthor(_ request: APIRequest, record: ImportRecord, id: String) -> APIResponse {
        let body: AuthorBody
        switch request.decodeBody(AuthorBody.self, docs: Docs.imports) {
        case .success(let decoded): body = decoded
        case .failure(let error): return error.response
        }
        if let email = body.email, !email.contains("@") {
            return .validationFailed(resource: "PorterAuthor", field: "email", code: "invalid", docs: Docs.imports)
        }
        let key = SimulatorWorld.importKey(owner: record.owner, repository: record.repository)
        let author = world.withLock { world -> ImportAuthorRecord? in
            guard let number = Int(id), let index = world.imports[key]?.authors.firstIndex(where: { $0.id == number })
            else { return nil }
            if let email = body.email { world.imports[key]?.authors[index].email = email }
            if let name = body.name { world.imports[key]?.authors[index].name = name }
            return world.imports[key]?.authors[index]
        }
        guard let author else { return .notFound(docs: Docs.imports) }
        return .json(WireImportAuthor(author, owner: record.owner, repository: record.repository, base: request.base))
    }

    private func setLFS(_ request: APIRequest, record: ImportRecord, now: Date) -> APIResponse {
        let body: LFSBody
        switch request.decodeBody(LFSBody.self, docs: Docs.imports) {
        case .success(let decoded): body = decoded
        case .failure(let error): return error.response
        }
        guard let choice = body.useLfs, choice == "opt_in" || choice == "opt_out" else {
            return .validationFailed(resource: "Import", field: "use_lfs", code: "invalid", docs: Docs.imports)
        }
        let key = SimulatorWorld.importKey(owner: record.owner, repository: record.repository)
        let updated = world.withLock { world -> ImportRecord? in
            world.imports[key]?.lfsChoice = choice
            return world.imports[key]
        }
        guard let updated else { return .notFound(docs: Docs.imports) }
        return .json(WireImport(updated, now: now, base: request.base))
    }
}
