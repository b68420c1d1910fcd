import Foundation

/// The body of PUT and PATCH `/repos/{owner}/{repo}/import`.
struct ImportBody: Decodable, Sendable {
    var vcsUrl: String?
    var vcs: String?
    var vcsUsername: String?
    var vcsPassword: String?
    var tfvcProject: String?
    var humanName: String?

    /// Whether nothing was sent, which PATCH takes as "restart".
    var isEmpty: Bool {
        vcsUrl == nil && vcs == nil && vcsUsername == nil && vcsPassword == nil && tfvcProject == nil
    }
}

extension Simulator {
    /// The `vcs` values GitHub accepts.
    static let knownVCS = ["subversion", "git", "mercurial", "tfvc"]

    /// Start, progress, update and cancel of a source import.
    static let importRoutes: [Route] = [
        Route("PUT", "/repos/:owner/:repo/import") { sim, request, parameters, now in
            sim.withImportTarget(parameters) { sim.startImport(request, owner: $0, repository: $1, now: now) }
        },
        Route("GET", "/repos/:owner/:repo/import") { sim, request, parameters, now in
            sim.withImport(parameters) { .json(WireImport($0, now: now, base: request.base)) }
        },
        Route("PATCH", "/repos/:owner/:repo/import") { sim, request, parameters, now in
            sim.withImportTarget(parameters) { sim.updateImport(request, owner: $0, repository: $1, now: now) }
        },
        Route("DELETE", "/repos/:owner/:repo/import") { sim, _, parameters, _ in
            sim.withImportTarget(parameters) { owner, repository in
                let key = SimulatorWorld.importKey(owner: owner, repository: repository)
                let removed = sim.world.withLock { $0.imports.removeValue(forKey: key) }
                return removed == nil ? .notFound(docs: Docs.imports) : .noContent()
            }
        },
    ]

    /// Answers as a retired API when retirement is on, 404 for an unknown repository, else runs `body`.
    func withImportTarget(_ parameters: RouteParameters, _ body: (String, String) -> APIResponse) -> APIResponse {
        switch retiredImports.withLock({ $0 }) {
        case .notFound: return .notFound(docs: Docs.imports)
        case .gone: return .error(410, "Gone", docs: Docs.imports)
        case nil: break
        }
        let repository = world.withLock { world in
            world.repository(owner: parameters["owner"], name: parameters["repo"]).flatMap { repository in
                world.administers(repository.owner) ? repository : nil
            }
        }
        guard let repository else { return .notFound(docs: Docs.imports) }
        return body(repository.owner, repository.name)
    }

    /// Like `withImportTarget`, and 404 when the repository has no import.
    func withImport(_ parameters: RouteParameters, _ body: (ImportRecord) -> APIResponse) -> APIResponse {
        withImportTarget(parameters) { owner, repository in
            let key = SimulatorWorld.importKey(owner: owner, repository: repository)
            guard let record = world.withLock({ $0.imports[key] }) else { return .notFound(docs: Docs.imports) }
            return body(record)
        }
    }

    private func startImport(_ request: APIRequest, owner: String, repository: String, now: Date) -> APIResponse {
        let body: ImportBody
        switch request.decodeBody(ImportBody.self, docs: Docs.imports) {
        case .success(let decoded): body = decoded
        case .failure(let error): return error.response
        }
        guard let url = body.vcsUrl, !url.isEmpty else {
            return .validationFailed(resource: "Import", field: "vcs_url", code: "missing_field", docs: Docs.imports)
        }
        if let vcs = body.vcs, !Self.knownVCS.contains(vcs) {
            return .validationFailed(resource: "Import", field: "vcs", code: "invalid", docs: Docs.imports)
        }
        let record = world.withLock { world in
            var record = world.newImport(
                owner: owner, repository: repository, url: url, vcs: body.vcs, now: now,
                duration: options.importSeconds)
            record.tfvcProject = body.tfvcProject
            world.imports[SimulatorWorld.importKey(owner: owner, repository: repository)] = record
            return record
        }
        var response = APIResponse.json(WireImport(record, now: now, base: request.base), status: 201)
        response.headers.append(("location", request.base.api("/repos/\(owner)/\(repository)/import")))
        return response
    }

    /// An empty body restarts; credentials fix `auth_failed`; `vcs` settles `detection_found_multiple`.
    private func updateImport(_ request: APIRequest, owner: String, repository: String, now: Date) -> APIResponse {
        let body: ImportBody
        switch request.decodeBody(ImportBody.self, docs: Docs.imports) {
        case .success(let decoded): body = decoded
        case .failure(let error): return error.response
        }
        if let vcs = body.vcs, !Self.knownVCS.contains(vcs) {
            return .validationFailed(resource: "Import", field: "vcs", code: "invalid", docs: Docs.imports)
        }
        let key = SimulatorWorld.importKey(owner: owner, repository: repository)
        let updated = world.withLock { world -> ImportRecord? in
            guard var record = world.imports[key] else { return nil }
            record.apply(body, now: now)
            world.imports[key] = record
            return record
        }
        guard let updated else { return .notFound(docs: Docs.imports) }
        return .json(WireImport(updated, now: now, base: request.base))
    }
}

extension ImportRecord {
    /// Applies a PATCH body.
    mutating func apply(_ body: ImportBody, now: Date) {
        if body.isEmpty {
            restart(at: now)
            return
        }
        if body.vcsUsername != nil && body.vcsPassword != nil {
            hasCredentials = true
            if trouble == .authFailed { resume(at: now) }
        }
        if let chosen = body.vcs {
            vcs = chosen
            tfvcProject = body.tfvcProject ?? tfvcProject
            projectChosen = true
            if trouble == .multipleProjects { resume(at: now) }
        }
    }
}
