import Foundation

/// The body of `POST /orgs/{org}/migrations` and `POST /user/migrations`.
struct StartMigrationBody: Decodable, Sendable {
    var repositories: [String]?
    var lockRepositories: Bool?
    var excludeMetadata: Bool?
    var excludeGitData: Bool?
    var excludeAttachments: Bool?
    var excludeReleases: Bool?
    var excludeOwnerProjects: Bool?
    var orgMetadataOnly: Bool?
    var exclude: [String]?

    /// The boolean options, each defaulting to `false`.
    var flags: MigrationFlags {
        MigrationFlags(
            lockRepositories: lockRepositories ?? false, excludeMetadata: excludeMetadata ?? false,
            excludeGitData: excludeGitData ?? false, excludeAttachments: excludeAttachments ?? false,
            excludeReleases: excludeReleases ?? false, excludeOwnerProjects: excludeOwnerProjects ?? false,
            orgMetadataOnly: orgMetadataOnly ?? false)
    }
}

extension Simulator {
    /// Start, list and get, for organization and user migrations alike.
    static let migrationRoutes: [Route] = ["/orgs/:org/migrations", "/user/migrations"].flatMap { root in
        [
            Route("POST", root) { sim, request, parameters, now in
                sim.withOwner(parameters) { sim.startMigration(request, owner: $0, now: now) }
            },
            Route("GET", root) { sim, request, parameters, now in
                sim.withOwner(parameters) { sim.listMigrations(request, owner: $0, now: now) }
            },
            Route("GET", root + "/:id") { sim, request, parameters, now in
                sim.withOwner(parameters) { sim.getMigration(request, owner: $0, id: parameters["id"], now: now) }
            },
        ]
    }

    /// Runs `body` for the route's migration owner, or answers 404 for an organization the viewer does not own.
    func withOwner(_ parameters: RouteParameters, _ body: (MigrationOwner) -> APIResponse) -> APIResponse {
        guard let owner = world.withLock({ MigrationOwner.resolve(parameters, in: $0) }) else {
            return .notFound(docs: Docs.orgMigrations)
        }
        return body(owner)
    }

    private func startMigration(_ request: APIRequest, owner: MigrationOwner, now: Date) -> APIResponse {
        let body: StartMigrationBody
        switch request.decodeBody(StartMigrationBody.self, docs: owner.docs) {
        case .success(let decoded): body = decoded
        case .failure(let error): return error.response
        }
        guard let names = body.repositories else {
            return .error(422, "Invalid request.\n\n\"repositories\" wasn't supplied.", docs: owner.docs)
        }
        let flags = body.flags
        if names.isEmpty && !flags.orgMetadataOnly {
            return .validationFailed(
                resource: "Migration", field: "repositories", code: "missing_field", docs: owner.docs)
        }
        if let exclude = body.exclude, exclude.contains(where: { $0 != "repositories" }) {
            return .validationFailed(resource: "Migration", field: "exclude", code: "invalid", docs: owner.docs)
        }
        let created = world.withLock { world -> (WireMigration, String)? in
            var repositories: [RepositoryRecord] = []
            for name in names {
                guard let repository = world.resolveRepository(name, owner: owner.login) else { return nil }
                if !repositories.contains(repository) { repositories.append(repository) }
            }
            let id = world.nextMigrationID
            world.nextMigrationID += 1
            let record = world.newMigration(
                id: id, owner: owner.login, organization: owner.isOrganization,
                repositories: flags.orgMetadataOnly ? [] : repositories, flags: flags, exclude: body.exclude,
                createdAt: now, duration: options.exportSeconds)
            world.migrations[id] = record
            return (world.wire(record, base: request.base, now: now, hideRepositories: false), record.apiPath)
        }
        guard case let (migration, path)? = created else {
            return .validationFailed(resource: "Migration", field: "repositories", code: "invalid", docs: owner.docs)
        }
        var response = APIResponse.json(migration, status: 201)
        response.headers.append(("location", request.base.api(path)))
        return response
    }

    private func listMigrations(_ request: APIRequest, owner: MigrationOwner, now: Date) -> APIResponse {
        let hide = request.query.values("exclude").contains("repositories")
        let (items, link) = world.withLock { world in
            let page = Pagination.page(
                world.migrations(ownedBy: owner.login, organization: owner.isOrganization), request: request)
            return (
                page.items.map {
                    ($0.updatedAt(at: now), world.wire($0, base: request.base, now: now, hideRepositories: hide))
                }, page.link
            )
        }
        return paged(items.map(\.1), link: link, lastModified: items.map(\.0).max())
    }

    private func getMigration(_ request: APIRequest, owner: MigrationOwner, id: String, now: Date) -> APIResponse {
        let hide = request.query.values("exclude").contains("repositories")
        let found = world.withLock { world in
            world.migration(id, owner: owner).map {
                (world.wire($0, base: request.base, now: now, hideRepositories: hide), $0.updatedAt(at: now))
            }
        }
        guard case let (migration, updated)? = found else { return .notFound(docs: owner.docs) }
        return .json(migration, lastModified: updated)
    }
}

extension SimulatorWorld {
    /// The migration `id` if it belongs to `owner`.
    func migration(_ id: String, owner: MigrationOwner) -> MigrationRecord? {
        guard let number = Int(id), let record = migrations[number], record.isOrganization == owner.isOrganization,
            record.owner.lowercased() == owner.login.lowercased()
        else { return nil }
        return record
    }

    /// A repository named `name` or `owner/name`; it must belong to `owner`.
    func resolveRepository(_ name: String, owner: String) -> RepositoryRecord? {
        let parts = name.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        switch parts.count {
        case 1: return repository(owner: owner, name: parts[0])
        case 2 where parts[0].lowercased() == owner.lowercased(): return repository(owner: owner, name: parts[1])
        default: return nil
        }
    }
}
