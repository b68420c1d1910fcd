import Foundation

/// Where the journal is kept (docs/journal.md): nowhere (`--no-journal`, `journal: off`), a file named
/// with `--journal PATH` or `journal: PATH`, or by default one file per host and login under
/// `$XDG_STATE_HOME/migdash/`, known once the login is.
public enum JournalChoice: Sendable, Equatable {
    /// No journal.
    case off
    /// This file.
    case file(URL)
    /// The default file for the host and the login, with this environment's `XDG_STATE_HOME` and `HOME`.
    case perAccount(environment: [String: String])

    /// The choice from the flags, then the config file, then the default.
    static func resolve(_ options: LaunchOptions, config: ConfigFile, environment: [String: String]) -> JournalChoice {
        if options.noJournal { return .off }
        let named = options.journalPath ?? config.journal
        if let named {
            if named == "off" { return .off }
            return .file(URL(fileURLWithPath: PathExpansion.expand(named, environment: environment)))
        }
        let kept = ["XDG_STATE_HOME", "HOME"]
        return .perAccount(environment: environment.filter { kept.contains($0.key) })
    }
}
