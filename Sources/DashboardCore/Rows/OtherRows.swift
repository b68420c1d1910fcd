import Foundation
import GitHubMigrations

/// One row of the repositories pane.
public struct RepositoryRow: Sendable, Equatable {
    /// `octo-org/website`.
    public var name: String
    /// `locked` or `unlocked`.
    public var lock: String
    /// The lock's colour.
    public var lockRole: ThemeRole

    /// Builds the row of a repository of a migration.
    public init(_ repository: SimpleRepository, of key: MigrationKey, in state: DashboardState) {
        name = repository.fullName
        let locked = state.isLocked(key, repository: repository.name)
        let unlocking = state.pendingWrites.contains { $0.action == .unlock(key, repository: repository.name) }
        lock = unlocking ? "unlocking…" : locked ? "locked" : "unlocked"
        lockRole = unlocking ? .emphasis : locked ? .locked : .unlocked
    }
}

/// One row of the source imports pane.
public struct ImportRow: Sendable, Equatable {
    /// `octocat/legacy`.
    public var repository: String
    /// `importing`, or `loading` before the first answer.
    public var status: String
    /// The status's colour.
    public var statusRole: ThemeRole
    /// 0-100, or nil when GitHub gives none.
    public var importPercent: Int?
    /// 0-100, or nil when GitHub gives none.
    public var pushPercent: Int?
    /// `1,042 commits`.
    public var commits: String
    /// `3 large files (2 GB)`, or empty.
    public var largeFiles: String
    /// The status text, or the error with its failed step.
    public var detail: String

    /// Builds the row of a followed import.
    public init(_ entry: ImportEntry) {
        repository = entry.repository.description
        guard let progress = entry.progress else {
            status = "loading"
            statusRole = .muted
            commits = ""
            largeFiles = ""
            detail = ""
            return
        }
        status = progress.status.rawValue
        statusRole =
            progress.status.isComplete
            ? .importComplete : progress.status.needsAttention ? .importProblem : .importActive
        importPercent = progress.importPercent ?? (progress.status.isComplete ? 100 : nil)
        pushPercent = progress.pushPercent ?? (progress.status.isComplete ? 100 : nil)
        commits = progress.commitCount.map { "\($0) commits" } ?? ""
        let count = progress.largeFilesCount ?? 0
        largeFiles = count > 0 ? "\(count) large files (\(progress.largeFilesSize ?? 0) GB)" : ""
        if let message = progress.errorMessage {
            detail = (progress.failedStep.map { "\($0): " } ?? "") + message
        } else {
            detail = progress.statusText ?? progress.message ?? ""
        }
    }
}

/// One row of the activity pane.
public struct ActivityRow: Sendable, Equatable {
    /// `14:02:10`.
    public var time: String
    /// The line.
    public var text: String
    /// Its colour.
    public var role: ThemeRole

    /// Builds the row of an entry, its time in the given format (the session's).
    public init(_ entry: ActivityEntry, format: TimeFormat) {
        time = format.clockSeconds(entry.time)
        text = entry.text
        switch entry.kind {
        case .change: role = .activityChange
        case .action: role = .activityAction
        case .error: role = .activityError
        case .info: role = .muted
        }
    }
}
