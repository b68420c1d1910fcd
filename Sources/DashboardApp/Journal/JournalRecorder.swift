import DashboardCore
import Foundation
import GitHubMigrations
import Journal
import Synchronization

/// The journal as the runtimes and the commands use it. It opens once the login is known (the default
/// file is per host and login); a mutation reported before that waits, bounded, and is written then.
/// The change feed is written on a queue of its own, off the loop (a first reading of 10,000 migrations
/// is one large transaction); a mutation or a download is written at once, so a command that ends right
/// after it has it on disk. A write that fails is said once, through `onProblem`; the rest go on trying.
public final class JournalRecorder: Sendable {
    private struct Inner {
        var journal: Journal?
        var login = ""
        var waiting: [MutationRecord] = []
        var problemSaid = false
    }

    private let inner = Mutex(Inner())
    private let choice: JournalChoice
    private let host: String
    private let queue = DispatchQueue(label: "migdash.journal")
    private let onProblem: @Sendable (String) -> Void

    /// Mutations kept while the journal is not open yet.
    static let waitingLimit = 1_000

    /// A recorder for `host`, keeping the journal `choice` names; `onProblem` hears the first failure.
    public init(_ choice: JournalChoice, host: String, onProblem: @escaping @Sendable (String) -> Void = { _ in }) {
        self.choice = choice
        self.host = host
        self.onProblem = onProblem
    }

    /// True when no journal is kept at all.
    public var isOff: Bool { choice == .off }

    /// True once the journal is open.
    public var isOpen: Bool { inner.withLock { $0.journal != nil } }

    /// The journal once open, for reading (a migration's history for its details).
    public var journal: Journal? { inner.withLock { $0.journal } }

    /// True when mutations wait for the journal to open (a command that never learned its login).
    public var hasWaiting: Bool { inner.withLock { !$0.waiting.isEmpty } }

    /// Opens the journal of `login`, writes what waited, and returns it (nil when none is kept); a journal
    /// that cannot be opened is the one line saying why.
    public func open(login: String, now: Date) -> Result<Journal?, JournalError> {
        let url: URL
        switch choice {
        case .off: return .success(nil)
        case .file(let file): url = file
        case .perAccount(let environment): url = Journal.defaultURL(host: host, login: login, environment: environment)
        }
        let journal: Journal
        do {
            journal = try Journal.open(at: url, now: now)
        } catch {
            return .failure(error)
        }
        let waiting = inner.withLock { inner in
            inner.journal = journal
            inner.login = login
            defer { inner.waiting = [] }
            return inner.waiting
        }
        for mutation in waiting { record(mutation) }
        return .success(journal)
    }

    /// Writes the changes the reducer noted, on the journal's queue.
    public func record(_ changes: [ObservedChange]) {
        guard !changes.isEmpty, let (journal, login) = opened() else { return }
        queue.async { [host] in self.attempt { try journal.record(changes, host: host, login: login) } }
    }

    /// Writes a mutating request at once (or keeps it until the journal opens).
    public func record(_ mutation: MutationRecord) {
        guard choice != .off else { return }
        guard let (journal, login) = opened() else {
            inner.withLock { inner in
                if inner.waiting.count < Self.waitingLimit { inner.waiting.append(mutation) }
            }
            return
        }
        queue.sync { attempt { try journal.record(mutation, host: host, login: login) } }
    }

    /// Writes a verified download at once.
    public func recordDownload(_ key: MigrationKey, path: String, bytes: Int64, sha256: String, at: Date) {
        guard let (journal, _) = opened() else { return }
        queue.sync {
            attempt { try journal.recordDownload(key, path: path, bytes: bytes, sha256: sha256, verifiedAt: at) }
        }
    }

    /// Waits until every write queued so far is done.
    public func flush() { queue.sync {} }

    private func opened() -> (Journal, String)? {
        inner.withLock { inner in inner.journal.map { ($0, inner.login) } }
    }

    private func attempt(_ write: () throws -> Void) {
        do {
            try write()
        } catch {
            let first = inner.withLock { inner in
                defer { inner.problemSaid = true }
                return !inner.problemSaid
            }
            if first { onProblem("\(error)") }
        }
    }
}
