import Foundation

extension Journal {
    /// `$XDG_STATE_HOME/migdash/login@host.sqlite` (default `~/.local/state/migdash/`): one file per host
    /// and login, its name made safe for a path (see `JournalFileName`). A relative `XDG_STATE_HOME` is
    /// ignored, as the XDG rules say.
    public static func defaultURL(host: String, login: String, environment: [String: String]) -> URL {
        let state =
            environment["XDG_STATE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? (environment["HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? NSHomeDirectory()) + "/.local/state"
        return URL(fileURLWithPath: state, isDirectory: true)
            .appendingPathComponent("migdash", isDirectory: true)
            .appendingPathComponent(JournalFileName.name(host: host, login: login), isDirectory: false)
    }
}
