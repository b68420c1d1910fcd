/// Reads which migration a request's path is about.
enum MutationPath {
    /// The id after a `migrations` segment (`/orgs/ORG/migrations/ID/archive`, `/user/migrations/ID/...`);
    /// nil for a path without one, such as the POST that starts a migration.
    static func migrationID(_ path: String) -> Int64? {
        let parts = path.split(separator: "?", maxSplits: 1).first?.split(separator: "/") ?? []
        for (index, part) in parts.enumerated() where part == "migrations" && index + 1 < parts.count {
            if let id = Int64(parts[index + 1]), id >= 0 { return id }
        }
        return nil
    }
}
