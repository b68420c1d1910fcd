import Foundation

/// Finds the token the way the GitHub CLI does: the flag, the host's environment variables, then gh's
/// `hosts.yml`. The host is always the one of the API root actually used (`APIRoot.tokenHost`), never
/// a host named elsewhere, so a token goes only to the host it was given for.
public enum TokenResolver {
    /// What to tell a user who gave no token.
    public static let missingTokenHelp = """
        migdash needs a GitHub token: a classic personal access token with the repo scope \
        (and admin:org for organization migrations).
        Set GH_TOKEN (GH_ENTERPRISE_TOKEN for an Enterprise Server host), give --token-file PATH \
        or --token - (standard input), or sign in with the GitHub CLI (gh auth login).
        To look around without one, run: migdash --demo
        """

    /// The token for a host (`github.com`, a GHE.com `NAME.ghe.com`, or an Enterprise Server host),
    /// or nil when none is found; a token that is not one word of printable ASCII is refused.
    public static func resolve(flag: String?, host: String, environment: [String: String]) throws(SettingsError)
        -> String?
    {
        if let flag, !flag.isEmpty { return try checked(flag, from: "--token") }
        let dotcom = host == "github.com" || host.hasSuffix(".ghe.com")
        let names = dotcom ? ["GH_TOKEN", "GITHUB_TOKEN"] : ["GH_ENTERPRISE_TOKEN", "GITHUB_ENTERPRISE_TOKEN"]
        if let name = names.first(where: { !(environment[$0] ?? "").isEmpty }), let token = environment[name] {
            return try checked(token, from: name)
        }
        guard let stored = hostsFileToken(host: host, environment: environment) else { return nil }
        return try checked(stored, from: "gh's hosts.yml")
    }

    /// The one line for a missing token: which host it is for, and the ways to give one.
    /// - Parameter demo: add that the demo needs none (the dashboard; not `migdash download`).
    public static func missing(host: String, demo: Bool) -> SettingsError {
        let dotcom = host == "github.com" || host.hasSuffix(".ghe.com")
        let variable = dotcom ? "GH_TOKEN" : "GH_ENTERPRISE_TOKEN (GH_TOKEN is only for github.com and GHE.com)"
        let login = dotcom ? "gh auth login" : "gh auth login --hostname \(host)"
        return SettingsError(
            "no GitHub token for \(SettingsError.quoted(host)): set \(variable) to a classic personal access "
                + "token (repo, admin:org), use --token-file PATH or --token -, or sign in with \(login)"
                + (demo ? "; migdash --demo needs none" : ""))
    }

    /// `token` when it is one word of printable ASCII, as every GitHub token is; anything else
    /// (a space, a line break that would split the `Authorization` header, a control character)
    /// is refused naming only where it came from.
    static func checked(_ token: String, from source: String) throws(SettingsError) -> String {
        guard !token.isEmpty else { throw SettingsError("the token from \(source) is empty") }
        guard token.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else {
            throw SettingsError("the token from \(source) is not one word of printable ASCII")
        }
        return token
    }

    /// The GitHub CLI's config directory: `GH_CONFIG_DIR`, `$XDG_CONFIG_HOME/gh`, or `~/.config/gh`.
    static func ghConfigDirectory(environment: [String: String]) -> String {
        if let dir = environment["GH_CONFIG_DIR"], !dir.isEmpty { return dir }
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg + "/gh" }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.config/gh"
    }

    /// `oauth_token` of the host in gh's `hosts.yml`, when gh stored it there rather than in a keyring.
    static func hostsFileToken(host: String, environment: [String: String]) -> String? {
        let path = ghConfigDirectory(environment: environment) + "/hosts.yml"
        guard let yaml = try? BoundedYAML.read(path), let hosts = (try? BoundedYAML.load(yaml)) as? [String: Any],
            let entry = hosts[host] as? [String: Any]
        else { return nil }
        return (entry["oauth_token"] as? String).flatMap { $0.isEmpty ? nil : $0 }
    }
}
