import DashboardCore
import Foundation
import GitHubMigrations

extension Journal {
    /// Records the dashboard's change feed in one transaction; what the journal already holds (a
    /// migration in the same state as last recorded) writes nothing.
    public func record(_ changes: [ObservedChange], host: String, login: String) throws(JournalError) {
        guard !changes.isEmpty else { return }
        try write { db in
            let writer = JournalWriter(db: db)
            for change in changes { try writer.apply(change, host: host, login: login) }
        }
    }

    /// Records a mutating request as the client reported it (its body already summarised without secrets).
    public func record(_ mutation: MutationRecord, host: String, login: String) throws(JournalError) {
        try write { db in try JournalWriter(db: db).mutation(mutation, host: host, login: login) }
    }

    /// Records an archive downloaded and verified, alongside the download folder's manifest.
    public func recordDownload(
        _ key: MigrationKey, path: String, bytes: Int64, sha256: String, verifiedAt: Date
    ) throws(JournalError) {
        try write { db in
            try JournalWriter(db: db).download(key, path: path, bytes: bytes, sha256: sha256, verifiedAt: verifiedAt)
        }
    }

    /// Records an error worth keeping: `kind` is a short word (`rate-limit`, `offline`), `message` one line.
    public func recordProblem(_ kind: String, _ message: String, at: Date) throws(JournalError) {
        try write { db in try JournalWriter(db: db).problem(kind: kind, message: message, at: at) }
    }
}
