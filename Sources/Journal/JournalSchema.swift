import GRDB

/// The journal's tables, versioned by GRDB's migrator: a later version adds a migration here, never
/// edits one already released. docs/journal.md describes every table and column.
enum JournalSchema {
    /// The migrator with every version of the schema.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: version1)
        return migrator
    }

    /// The first schema. Times are GRDB's text form (`YYYY-MM-DD HH:MM:SS.SSS`, UTC), which SQLite's own
    /// date functions read, so the file can be queried with the `sqlite3` shell.
    private static func version1(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE migrations (
                    id INTEGER PRIMARY KEY,
                    scope TEXT NOT NULL,
                    migration_id INTEGER NOT NULL,
                    guid TEXT,
                    host TEXT NOT NULL,
                    login TEXT NOT NULL,
                    first_seen TEXT NOT NULL,
                    created_at TEXT,
                    updated_at TEXT,
                    flags TEXT NOT NULL DEFAULT '',
                    repository_count INTEGER,
                    repositories TEXT,
                    UNIQUE (scope, migration_id)
                );
                CREATE INDEX migrations_by_id ON migrations (migration_id);
                CREATE TABLE observations (
                    id INTEGER PRIMARY KEY,
                    migration INTEGER NOT NULL REFERENCES migrations (id),
                    state TEXT,
                    observed_at TEXT NOT NULL,
                    approximate INTEGER NOT NULL
                );
                CREATE INDEX observations_by_migration ON observations (migration, id);
                CREATE INDEX observations_by_time ON observations (observed_at);
                CREATE INDEX observations_by_state ON observations (state, migration, observed_at);
                CREATE TABLE imports (
                    id INTEGER PRIMARY KEY,
                    repository TEXT NOT NULL,
                    status TEXT,
                    observed_at TEXT NOT NULL,
                    approximate INTEGER NOT NULL
                );
                CREATE INDEX imports_by_repository ON imports (repository, id);
                CREATE INDEX imports_by_time ON imports (observed_at);
                CREATE TABLE mutations (
                    id INTEGER PRIMARY KEY,
                    at TEXT NOT NULL,
                    host TEXT NOT NULL,
                    login TEXT NOT NULL,
                    method TEXT NOT NULL,
                    path TEXT NOT NULL,
                    migration_id INTEGER,
                    body TEXT,
                    status INTEGER,
                    request_id TEXT,
                    failure TEXT
                );
                CREATE INDEX mutations_by_time ON mutations (at);
                CREATE INDEX mutations_by_migration ON mutations (migration_id, at);
                CREATE TABLE downloads (
                    id INTEGER PRIMARY KEY,
                    scope TEXT NOT NULL,
                    migration_id INTEGER NOT NULL,
                    path TEXT NOT NULL,
                    bytes INTEGER NOT NULL,
                    sha256 TEXT NOT NULL,
                    verified_at TEXT NOT NULL
                );
                CREATE INDEX downloads_by_migration ON downloads (migration_id, verified_at);
                CREATE INDEX downloads_by_time ON downloads (verified_at);
                CREATE TABLE problems (
                    id INTEGER PRIMARY KEY,
                    kind TEXT NOT NULL,
                    message TEXT NOT NULL,
                    at TEXT NOT NULL
                );
                CREATE INDEX problems_by_time ON problems (at);
                """)
    }
}
