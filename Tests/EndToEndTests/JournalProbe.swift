import Foundation
import TestSupport

/// Looks at a journal file as another program would: through Python's `sqlite3` module in a process of its
/// own, so the check does not share migdash's SQLite build, its GRDB or its idea of a sound file.
enum JournalProbe {
    /// Runs `sql` on the file and returns each row's first column as text (NULL as `NULL`). `readOnly`
    /// reads beside a running writer without ever making the file (a plain connect would create it).
    static func query(_ path: String, _ sql: String, readOnly: Bool = false) async throws -> [String] {
        let script = """
            import sqlite3, sys, urllib.parse
            target = "file:" + urllib.parse.quote(sys.argv[1]) + ("?mode=ro" if sys.argv[3] == "ro" else "")
            connection = sqlite3.connect(target, uri=True, timeout=30)
            for row in connection.execute(sys.argv[2]):
                print("NULL" if row[0] is None else row[0])
            """
        let outcome = try await ProcessRunner.run(
            try ProcessRunner.locate("python3"), ["-c", script, path, sql, readOnly ? "ro" : "rw"])
        guard outcome.status == 0 else {
            throw TestSupportError.commandFailed(
                command: "python3 sqlite3 \(sql)", status: outcome.status, output: outcome.errorOutput)
        }
        return outcome.output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    /// `PRAGMA integrity_check`: `["ok"]` for a sound file, else SQLite's list of what is wrong.
    static func integrity(_ path: String) async throws -> [String] {
        try await query(path, "PRAGMA integrity_check")
    }

    /// The number of rows of `table`.
    static func count(_ path: String, _ table: String, readOnly: Bool = false) async throws -> Int {
        Int(try await query(path, "SELECT COUNT(*) FROM \(table)", readOnly: readOnly).first ?? "") ?? -1
    }
}
