import Foundation

extension Simulator {
    /// Archive download and delete, repository unlock and the repository list, for both owners.
    static let migrationArchiveRoutes: [Route] = ["/orgs/:org/migrations/:id", "/user/migrations/:id"].flatMap {
        root in
        [
            Route("GET", root + "/archive") { sim, request, parameters, now in
                sim.withOwner(parameters) {
                    sim.archiveLocation(request, owner: $0, id: parameters["id"], now: now)
                }
            },
            Route("DELETE", root + "/archive") { sim, _, parameters, now in
                sim.withOwner(parameters) { sim.deleteArchive(owner: $0, id: parameters["id"], now: now) }
            },
            Route("DELETE", root + "/repos/:repo/lock") { sim, _, parameters, _ in
                sim.withOwner(parameters) {
                    sim.unlock(owner: $0, id: parameters["id"], repository: parameters["repo"])
                }
            },
            Route("GET", root + "/repositories") { sim, request, parameters, _ in
                sim.withOwner(parameters) {
                    sim.listMigrationRepositories(request, owner: $0, id: parameters["id"])
                }
            },
        ]
    }

    /// 302 to a presigned storage URL; the body is that URL too, as GitHub sends and some clients read.
    private func archiveLocation(_ request: APIRequest, owner: MigrationOwner, id: String, now: Date) -> APIResponse {
        let record = world.withLock { $0.migration(id, owner: owner) }
        guard let record, record.hasArchive(at: now) else { return .notFound(docs: owner.docs) }
        var url = signer.url(
            origin: request.storageOrigin, id: record.id, guid: record.guid, issuedAt: now,
            lifetime: options.archiveURLLifetime)
        if options.oneUseArchiveURLs { url += "&x-use=\(urlUses.nextTicket())" }
        return APIResponse(
            status: 302, headers: [("location", url)], body: Array(url.utf8), contentType: "text/html;charset=utf-8")
    }

    /// Deletes the archive; the migration itself stays readable, and the archive answers 404 from now on.
    private func deleteArchive(owner: MigrationOwner, id: String, now: Date) -> APIResponse {
        let deleted = world.withLock { world -> Int? in
            guard let record = world.migration(id, owner: owner), record.hasArchive(at: now) else { return nil }
            world.migrations[record.id]?.archiveDeleted = true
            return record.id
        }
        guard let deleted else { return .notFound(docs: owner.docs) }
        archives.remove(deleted)
        return .noContent()
    }

    /// 204 the first time a locked repository is unlocked, 404 once it is not locked.
    private func unlock(owner: MigrationOwner, id: String, repository: String) -> APIResponse {
        let unlocked = world.withLock { world -> Bool in
            guard let record = world.migration(id, owner: owner),
                let name = record.locked.first(where: { $0.lowercased() == repository.lowercased() })
            else { return false }
            world.migrations[record.id]?.locked.remove(name)
            return true
        }
        return unlocked ? .noContent() : .notFound(docs: owner.docs)
    }

    private func listMigrationRepositories(_ request: APIRequest, owner: MigrationOwner, id: String) -> APIResponse {
        let found = world.withLock { world -> ([WireRepository], String?)? in
            guard let record = world.migration(id, owner: owner) else { return nil }
            let page = Pagination.page(record.repositories, request: request)
            return (page.items.map { world.wire($0, base: request.base) }, page.link)
        }
        guard case let (repositories, link)? = found else { return .notFound(docs: owner.docs) }
        return paged(repositories, link: link)
    }
}
