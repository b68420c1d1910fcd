import Foundation

extension Simulator {
    /// `/user`, `/user/orgs`, `/user/repos`, `/orgs/{org}`, `/orgs/{org}/repos` and `/rate_limit`.
    static let accountRoutes: [Route] = [
        Route("GET", "/user") { sim, request, _, _ in sim.getViewer(request) },
        Route("GET", "/user/orgs") { sim, request, _, _ in sim.listViewerOrganizations(request) },
        Route("GET", "/user/repos") { sim, request, _, _ in sim.listViewerRepositories(request) },
        Route("GET", "/orgs/:org") { sim, request, parameters, _ in sim.getOrganization(request, parameters["org"]) },
        Route("GET", "/orgs/:org/repos") { sim, request, parameters, _ in
            sim.listOrganizationRepositories(request, parameters["org"])
        },
        Route("GET", "/rate_limit") { sim, request, _, now in sim.getRateLimit(request, now: now) },
    ]

    private func getViewer(_ request: APIRequest) -> APIResponse {
        let (viewer, repositories) = world.withLock {
            ($0.viewerAccount, $0.repositories(ownedBy: SimulatorWorld.viewer))
        }
        return .json(WireAuthenticatedUser(viewer, repositories: repositories, base: request.base))
    }

    private func listViewerOrganizations(_ request: APIRequest) -> APIResponse {
        let organizations = world.withLock { $0.organizations }
        let page = Pagination.page(organizations, request: request)
        return paged(page.items.map { WireOrganization($0, base: request.base) }, link: page.link)
    }

    private func listViewerRepositories(_ request: APIRequest) -> APIResponse {
        let ownedOnly = request.query.value("affiliation") == "owner" || request.query.value("type") == "owner"
        let repositories = world.withLock { world in
            (ownedOnly ? world.repositories(ownedBy: SimulatorWorld.viewer) : world.repositories)
                .sorted { $0.fullName.lowercased() < $1.fullName.lowercased() }
                .map { (record: $0, owner: world.account($0.owner)!) }
        }
        let page = Pagination.page(repositories, request: request)
        return paged(page.items.map { WireRepository($0.record, owner: $0.owner, base: request.base) }, link: page.link)
    }

    private func getOrganization(_ request: APIRequest, _ login: String) -> APIResponse {
        guard let organization = world.withLock({ $0.account(login) }), organization.kind == .organization else {
            return .notFound()
        }
        return .json(WireOrganization(organization, base: request.base), lastModified: organization.createdAt)
    }

    private func listOrganizationRepositories(_ request: APIRequest, _ login: String) -> APIResponse {
        let found = world.withLock { world -> (AccountRecord, [RepositoryRecord])? in
            guard let organization = world.account(login), organization.kind == .organization else { return nil }
            return (organization, world.repositories(ownedBy: organization.login))
        }
        guard case let (organization, repositories)? = found else { return .notFound() }
        let page = Pagination.page(repositories, request: request)
        return paged(page.items.map { WireRepository($0, owner: organization, base: request.base) }, link: page.link)
    }

    private func getRateLimit(_ request: APIRequest, now: Date) -> APIResponse {
        let core = rateLimiter.peek(request.token, now: now)
        var response = APIResponse.json(WireRateLimit(core: core))
        response.spendsBudget = false
        return response
    }

    /// A JSON list with its `Link` header, when there is one.
    func paged(_ items: some Encodable, link: String?, lastModified: Date? = nil) -> APIResponse {
        var response = APIResponse.json(items, lastModified: lastModified)
        if let link { response.headers.append(("link", link)) }
        return response
    }
}

/// The body of `GET /rate_limit`.
struct WireRateLimit: Encodable, Sendable {
    /// One resource's budget.
    struct Resource: Encodable, Sendable {
        let limit: Int
        let used: Int
        let remaining: Int
        let reset: Int
        let resource: String
    }

    let resources: [String: Resource]
    let rate: Resource

    /// The report for a core budget; the other resources are full, as a dashboard never spends them.
    init(core snapshot: RateLimitSnapshot) {
        let core = Resource(
            limit: snapshot.limit, used: snapshot.used, remaining: snapshot.remaining, reset: snapshot.reset,
            resource: "core")
        func full(_ name: String, _ limit: Int) -> Resource {
            Resource(limit: limit, used: 0, remaining: limit, reset: snapshot.reset, resource: name)
        }
        resources = [
            "core": core, "search": full("search", 30), "graphql": full("graphql", 5000),
            "integration_manifest": full("integration_manifest", 5000), "code_search": full("code_search", 10),
        ]
        rate = core
    }
}
