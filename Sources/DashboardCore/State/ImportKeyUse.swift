import GitHubMigrations

/// What the import key (`new-import`, `i`) does where the focus is: start an import, or unblock the
/// selected one that waits for the user. The reducer, the footer and the help all ask this one place.
public enum ImportKeyUse: Sendable, Equatable {
    /// Open the new-import dialog.
    case start
    /// Ask for a username and password and retry the selected import with them.
    case credentials(RepositoryName)
    /// Let the user pick one of the projects GitHub found for the selected import.
    case chooseProject(RepositoryName)
    /// GitHub has retired the Source Imports API: nothing to open.
    case retired

    /// Statuses in which GitHub waits for credentials. `auth_failed` and `detection_needs_auth` are
    /// documented so; `auth` is not documented at all, and is taken at its name (the dialog can be cancelled).
    public static let credentialStatuses: Set<ImportStatus> = [
        .known(.authFailed), .known(.detectionNeedsAuth), .known(.auth),
    ]
}

extension DashboardState {
    /// What `i` does now.
    public var importKeyUse: ImportKeyUse {
        if importsRetired != nil { return .retired }
        guard focus == .imports, let entry = selectedImport, let status = entry.progress?.status else { return .start }
        if ImportKeyUse.credentialStatuses.contains(status) { return .credentials(entry.repository) }
        if status == .known(.detectionFoundMultiple) { return .chooseProject(entry.repository) }
        return .start
    }

    /// The commands that call the Source Imports API.
    public static let importCommands: Set<Command> = [.newImport, .mapAuthors, .lfsPreference, .cancelImport]

    /// False for a command that cannot work at all now: the import commands once GitHub retired the API.
    public func isAvailable(_ command: Command) -> Bool {
        importsRetired == nil || !Self.importCommands.contains(command)
    }

    /// What a command does here, for the help overlay.
    public func summary(of command: Command) -> String {
        if let marked = markedSummary(of: command) { return marked }
        guard command == .newImport else { return command.summary }
        switch importKeyUse {
        case .start: return command.summary
        case .credentials: return "enter credentials"
        case .chooseProject: return "choose project"
        case .retired: return "new import: retired"
        }
    }

    /// The footer's label for a command here; nil when it is not offered.
    public func hint(of command: Command) -> String? {
        guard isAvailable(command) else { return nil }
        if let marked = markedHint(of: command) { return marked.isEmpty ? nil : marked }
        guard command == .newImport else { return command.hint }
        switch importKeyUse {
        case .credentials: return "credentials"
        case .chooseProject: return "choose project"
        case .start, .retired: return command.hint
        }
    }
}
