import Foundation
import GRDB

/// What migdash saw and did, kept across restarts in one SQLite file (docs/journal.md): migrations and
/// imports with every state observed, every mutating request, every download, errors worth keeping.
/// Each write is one transaction; several processes may write the same file at once (WAL, a busy
/// timeout). Changes are recorded, not polls: a migration seen again unchanged writes nothing.
public final class Journal: Sendable {
    /// The journal's file.
    public let url: URL
    /// Where a corrupt file found at `url` was moved when this journal was opened, for the user to hear of.
    public let movedAside: URL?
    /// The connections: one writer, readers alongside it.
    let pool: DatabasePool

    /// How long a write waits for another process's write to finish before it fails.
    static let busyTimeout: TimeInterval = 10

    private init(url: URL, movedAside: URL?, pool: DatabasePool) {
        self.url = url
        self.movedAside = movedAside
        self.pool = pool
    }

    /// Opens or creates the journal at `url` (folder 0700, file 0600), in WAL mode with a busy timeout,
    /// the schema brought up to date. A file that is not a database is moved aside (renamed with `now`,
    /// never deleted) and a new one made; anything else that stops it throws one line.
    public static func open(at url: URL, now: Date) throws(JournalError) -> Journal {
        let path = url.path
        try JournalFile.prepareFolder(of: url)
        try JournalFile.create(path)
        do {
            return Journal(url: url, movedAside: nil, pool: try connect(path))
        } catch let error as DatabaseError where JournalFile.meansCorrupt(error) {
            let aside = try JournalFile.moveAside(url, now: now)
            try JournalFile.create(path)
            do {
                return Journal(url: url, movedAside: aside, pool: try connect(path))
            } catch {
                throw .open(path: path, reason: JournalFile.reason(error))
            }
        } catch {
            throw .open(path: path, reason: JournalFile.reason(error))
        }
    }

    /// The pool, with the schema migrated.
    private static func connect(_ path: String) throws -> DatabasePool {
        var configuration = Configuration()
        configuration.label = "migdash journal"
        configuration.busyMode = .timeout(busyTimeout)
        configuration.prepareDatabase { db in
            // In WAL mode NORMAL loses nothing to a crash of the process (kill -9), only perhaps the last
            // transactions to a power cut, and spares an fsync per write.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        let pool = try DatabasePool(path: path, configuration: configuration)
        try migrate(pool)
        return pool
    }

    /// Brings the schema up to date. GRDB's migrator reads which versions are applied before it takes the
    /// write lock, so when two processes make a new journal at once (the dashboard and `migdash watch`
    /// started together) the second waits for the first's version and then runs it again: `table
    /// migrations already exists`. After such a failure it looks again, and what the other made stands.
    static func migrate(_ pool: DatabasePool) throws {
        let migrator = JournalSchema.migrator
        for attempt in 1...3 {
            do {
                try migrator.migrate(pool)
                return
            } catch let error as DatabaseError where !JournalFile.meansCorrupt(error) {
                if try pool.read(migrator.hasCompletedMigrations) { return }
                if attempt == 3 { throw error }
            }
        }
    }

    /// Runs one write transaction, its failure as one line.
    func write<T>(_ body: (Database) throws -> T) throws(JournalError) -> T {
        do {
            return try pool.write(body)
        } catch {
            throw .write(path: url.path, reason: JournalFile.reason(error))
        }
    }

    /// Runs one read, its failure as one line.
    func read<T>(_ body: (Database) throws -> T) throws(JournalError) -> T {
        do {
            return try pool.read(body)
        } catch {
            throw .read(path: url.path, reason: JournalFile.reason(error))
        }
    }
}
