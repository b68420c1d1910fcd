import MigrationSimulator
import Testing

@Suite("Source imports")
struct SourceImportTests {
    private let path = "/repos/octo-org/octo-repo/import"

    private func status(_ sim: Harness) async throws -> [String: Any] {
        try await sim.get(path).object()
    }

    @Test("an import without vcs runs detecting, importing, mapping, pushing, complete over importSeconds")
    func happyPath() async throws {
        try await withSimulator(emptyWorld()) { sim in
            #expect(try await sim.get(path).status == 404)
            let started = try await sim.send(.PUT, path, json: #"{"vcs_url":"https://git.example.com/octo-repo.git"}"#)
            #expect(started.status == 201)
            let body = try started.object()
            #expect(body["status"] as? String == "detecting")
            for key in ["vcs", "use_lfs", "vcs_url", "status_text", "url", "html_url", "authors_url", "repository_url"]
            {
                #expect(body.keys.contains(key), "missing \(key)")
            }
            sim.simulator.advance(seconds: 12)
            let early = try await status(sim)
            #expect(early["status"] as? String == "importing")
            sim.simulator.advance(seconds: 12)
            let later = try await status(sim)
            #expect(later["status"] as? String == "importing")
            #expect((later["import_percent"] as? Int ?? 0) > (early["import_percent"] as? Int ?? 0))
            #expect((later["commit_count"] as? Int ?? 0) > (early["commit_count"] as? Int ?? 0))
            sim.simulator.advance(seconds: 15)
            #expect(try await status(sim)["status"] as? String == "mapping")
            sim.simulator.advance(seconds: 10)
            let pushing = try await status(sim)
            #expect(pushing["status"] as? String == "pushing")
            #expect(pushing["push_percent"] is Int)
            sim.simulator.advance(seconds: 15)
            let done = try await status(sim)
            #expect(done["status"] as? String == "complete")
            #expect(done["vcs"] as? String == "git")
        }
    }

    @Test("auth-failed in the URL stops at auth_failed until credentials arrive")
    func authFailed() async throws {
        try await withSimulator(emptyWorld()) { sim in
            _ = try await sim.send(
                .PUT, path, json: #"{"vcs_url":"https://svn.example.com/auth-failed","vcs":"subversion"}"#)
            #expect(try await status(sim)["status"] as? String == "auth_failed")
            sim.simulator.advance(seconds: 100)
            #expect(try await status(sim)["status"] as? String == "auth_failed")
            let fixed = try await sim.send(.PATCH, path, json: #"{"vcs_username":"octocat","vcs_password":"secret"}"#)
            #expect(fixed.status == 200)
            #expect(try fixed.object()["status"] as? String == "importing")
        }
    }

    @Test("multiple in the URL offers project choices at once, until vcs is chosen")
    func multiple() async throws {
        try await withSimulator(emptyWorld()) { sim in
            let started = try await sim.send(.PUT, path, json: #"{"vcs_url":"https://tfs.example.com/multiple"}"#)
            #expect(try started.object()["status"] as? String == "detection_found_multiple")
            sim.simulator.advance(seconds: 30)
            let found = try await status(sim)
            #expect(found["status"] as? String == "detection_found_multiple")
            let choices = try #require(found["project_choices"] as? [[String: Any]])
            #expect(choices.contains { $0["vcs"] as? String == "tfvc" && $0["human_name"] != nil })
            let chosen = try await sim.send(.PATCH, path, json: #"{"vcs":"tfvc","tfvc_project":"project1"}"#)
            #expect(try chosen.object()["status"] as? String == "importing")
        }
    }

    @Test("error in the URL fails the import step with failed_step and error_message")
    func error() async throws {
        try await withSimulator(emptyWorld()) { sim in
            _ = try await sim.send(.PUT, path, json: #"{"vcs_url":"https://hg.example.com/error","vcs":"mercurial"}"#)
            sim.simulator.advance(seconds: 25)
            let failed = try await status(sim)
            #expect(failed["status"] as? String == "error")
            #expect(failed["failed_step"] as? String == "import")
            #expect(failed["error_message"] is String)
            let restarted = try await sim.send(.PATCH, path, json: "")
            #expect(try restarted.object()["status"] as? String == "importing")
        }
    }

    @Test("authors can be listed with since and mapped; unknown ids answer 404")
    func authors() async throws {
        try await withSimulator(emptyWorld()) { sim in
            _ = try await sim.send(.PUT, path, json: #"{"vcs_url":"https://svn.example.com/repo","vcs":"subversion"}"#)
            let authors = try await sim.get(path + "/authors").array()
            #expect((3...5).contains(authors.count))
            let first = try #require(authors.first)
            for key in ["id", "remote_id", "remote_name", "email", "name", "url", "import_url"] {
                #expect(first[key] != nil, "missing \(key)")
            }
            let id = try #require(first["id"] as? Int)
            #expect(try await sim.get(path + "/authors?since=\(id)").array().count == authors.count - 1)
            let mapped = try await sim.send(
                .PATCH, path + "/authors/\(id)", json: #"{"email":"hubot@example.com","name":"Hubot"}"#)
            #expect(mapped.status == 200)
            #expect(try mapped.object()["email"] as? String == "hubot@example.com")
            #expect(try await sim.send(.PATCH, path + "/authors/1", json: #"{"name":"x"}"#).status == 404)
        }
    }

    @Test("large files show up for svn URLs, LFS takes opt_in or opt_out, and cancel removes the import")
    func largeFilesAndCancel() async throws {
        try await withSimulator(emptyWorld()) { sim in
            _ = try await sim.send(.PUT, path, json: #"{"vcs_url":"https://svn.example.com/large","vcs":"subversion"}"#)
            sim.simulator.advance(seconds: 30)
            let progress = try await status(sim)
            #expect(progress["has_large_files"] as? Bool == true)
            #expect((progress["large_files_count"] as? Int ?? 0) >= 2)
            let files = try await sim.get(path + "/large_files").array()
            #expect(files.first?["oid"] is String && files.first?["size"] is Int)
            #expect(try await sim.send(.PATCH, path + "/lfs", json: #"{"use_lfs":"maybe"}"#).status == 422)
            let lfs = try await sim.send(.PATCH, path + "/lfs", json: #"{"use_lfs":"opt_in"}"#)
            #expect(try lfs.object()["use_lfs"] as? Bool == true)
            #expect(try await sim.send(.DELETE, path).status == 204)
            #expect(try await sim.get(path).status == 404)
        }
    }

    @Test("a PUT without vcs_url answers 422, and unknown repositories 404")
    func validation() async throws {
        try await withSimulator(emptyWorld()) { sim in
            let missing = try await sim.send(.PUT, path, json: #"{"vcs":"git"}"#)
            #expect(missing.status == 422)
            let error = try #require((try missing.object()["errors"] as? [[String: Any]])?.first)
            #expect(error["field"] as? String == "vcs_url")
            #expect(try await sim.get("/repos/octo-org/nope/import").status == 404)
        }
    }

    @Test("the seeded world has an import importing, one complete and one auth_failed")
    func seeded() async throws {
        try await withSimulator { sim in
            let states = try await ["legacy-svn", "old-hg", "vendor-tfs"].asyncMap { name in
                try await sim.get("/repos/octo-org/\(name)/import").object()["status"] as? String
            }
            #expect(states == ["importing", "complete", "auth_failed"])
        }
    }

    @Test("retired imports answer 404 or 410 on every import endpoint")
    func retired() async throws {
        var options = SimulatorOptions()
        options.retiredImports = .notFound
        try await withSimulator(options) { sim in
            #expect(try await sim.get("/repos/octo-org/old-hg/import").status == 404)
            #expect(try await sim.send(.PUT, path, json: #"{"vcs_url":"https://x"}"#).status == 404)
            sim.simulator.setRetiredImports(.gone)
            let gone = try await sim.get("/repos/octo-org/old-hg/import/authors")
            #expect(gone.status == 410)
            #expect(try gone.object()["message"] as? String == "Gone")
            let control = try await sim.send(.POST, "/_simulator/retired-imports", json: #"{"mode":null}"#, token: nil)
            #expect(control.status == 200)
            #expect(try await sim.get("/repos/octo-org/old-hg/import").status == 200)
            _ = try await sim.send(.POST, "/_simulator/retired-imports", json: #"{"mode":"410"}"#, token: nil)
            #expect(try await sim.send(.PATCH, path + "/lfs", json: #"{"use_lfs":"opt_in"}"#).status == 410)
        }
    }
}

extension Array {
    /// Maps sequentially with an async transform.
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}
