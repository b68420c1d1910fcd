"""A second process writing to a migdash journal through its schema, with Python's own sqlite3 module.

Usage: journal_writer.py PATH TAG COUNT

Each write is one transaction that adds a migration (scope TAG, id N), its first observation and a
mutation about it (request id TAG-N), then prints N once committed. COUNT 0 writes until killed. The
journal must already exist in WAL mode: this checks that the file is plain SQLite that another program
can share, and a kill -9 of this process is the crash test's crash.
"""

import datetime
import sqlite3
import sys


def now():
    """The time in the journal's text form: YYYY-MM-DD HH:MM:SS.SSS, UTC."""
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f")[:-3]


def main():
    path, tag, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    db = sqlite3.connect(path, timeout=30, isolation_level=None)
    mode = db.execute("PRAGMA journal_mode").fetchone()[0]
    if mode != "wal":
        print(f"journal_mode is {mode}, not wal", file=sys.stderr)
        return 3
    print("ready", flush=True)
    number = 0
    while count == 0 or number < count:
        number += 1
        at = now()
        db.execute("BEGIN IMMEDIATE")
        cursor = db.execute(
            "INSERT INTO migrations (scope, migration_id, host, login, first_seen, flags, repository_count)"
            " VALUES (?, ?, 'python.example', 'writer', ?, '', 1)",
            (tag, number, at),
        )
        db.execute(
            "INSERT INTO observations (migration, state, observed_at, approximate) VALUES (?, 'pending', ?, 0)",
            (cursor.lastrowid, at),
        )
        db.execute(
            "INSERT INTO mutations (at, host, login, method, path, migration_id, status, request_id)"
            " VALUES (?, 'python.example', 'writer', 'DELETE', ?, ?, 204, ?)",
            (at, f"/orgs/{tag}/migrations/{number}/archive", number, f"{tag}-{number}"),
        )
        db.execute("COMMIT")
        print(number, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
