extension WatchEvent {
    /// The event as one line for a person: what `migdash watch` prints without `--ndjson`.
    public var line: String { "\(at)  \(text)" }

    /// The subject: `1042 octo-org`, `1041 user`, or an import's repository.
    private var subject: String {
        if let repository { return "import \(repository)" }
        guard let id else { return "" }
        return "\(id) \(organization ?? scope ?? "")"
    }

    private var text: String {
        switch event {
        case .ready: "watching: \(migrations ?? 0) migrations listed"
        case .migrationNew:
            "\(subject)  new, \(state ?? "?") (\(repositories?.count ?? 0) repositories)"
        case .migrationState, .importState: "\(subject)  \(from.map { "\($0) → " } ?? "")\(state ?? "?")"
        case .migrationGone: "\(subject)  no longer listed"
        case .importGone: "\(subject)  no longer exists"
        case .archiveExpiring: "\(subject)  archive expires \(expiresAt ?? "soon") and is not downloaded"
        case .archiveDeleted: "\(subject)  archive gone: \(reason ?? "deleted")"
        case .downloadDone: "\(subject)  downloaded to \(path ?? "?")"
        case .downloadFailed: "\(subject)  download failed: \(reason ?? "?")"
        case .rateLimitLow: "rate limit low: \(remaining ?? 0) of \(limit ?? 0) left until \(resetAt ?? "?")"
        case .connectionLost: "connection lost: \(reason ?? "?")"
        case .connectionRestored: "connection restored"
        }
    }
}
