import Foundation

/// Expands a leading `~` in a path the way a shell does, from the environment it is given.
///
/// Foundation's `expandingTildeInPath` reads the home directory from the password database, so a
/// user who runs migdash with another `HOME` (a container, `sudo -E`, a test) gets paths under the
/// wrong home. Shells read `HOME` first; so does migdash.
public enum PathExpansion {
    /// `~` and `~/…` from `HOME` (the password database only when `HOME` is unset), `~user/…` from
    /// the password database as shells do; anything else unchanged.
    public static func expand(_ path: String, environment: [String: String]) -> String {
        guard path.hasPrefix("~") else { return path }
        let afterTilde = path.dropFirst()
        let user = afterTilde.prefix { $0 != "/" }
        let rest = afterTilde.dropFirst(user.count)
        let home: String?
        if user.isEmpty {
            home = environment["HOME"] ?? FileManager.default.homeDirectory(forUser: NSUserName())?.path
        } else {
            home = FileManager.default.homeDirectory(forUser: String(user))?.path
        }
        guard let home else { return path }
        // `HOME=/` and `~/x` make `/x`, not `//x`.
        if home.hasSuffix("/"), rest.hasPrefix("/") { return String(home.dropLast()) + rest }
        return home + rest
    }
}
