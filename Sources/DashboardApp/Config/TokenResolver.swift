import Foundation
import Yams

/// Finds the token the way the GitHub CLI does: the flag, the host's environment variables, then gh's `hosts.yml`.
public enum TokenResolver {
    /// What to tell a user who gave no token.
    public static let missingTokenHelp = """
        migdash needs a GitHub token: a classic personal access token with the repo scope \
        (and admin:org for organization migrations).
        Give it with --token, set GH_TOKEN (GH_ENTERPRISE_TOKEN for an Enterprise Server host), \
        or sign in with the GitHub CLI (gh auth login).
        To look around without one, run: migdash --demo
        """

    /// The token for a host (`github.com` or an Enterprise host name), or nil when none is found.
    public static func resolve(flag: String?, host: String, environment: [String: String]) -> String? {
        if let flag, !flag.isEmpty { return flag }
        let enterprise = host != "github.com" && !host.hasSuffix(".ghe.com")
        let names = enterprise ? ["GH_ENTERPRISE_TOKEN", "GITHUB_ENTERPRISE_TOKEN"] : ["GH_TOKEN", "GITHUB_TOKEN"]
        if let token = names.lazy.compactMap({ environment[$0] }).first(where: { !$0.isEmpty }) { return token }
        return hostsFileToken(host: host, environment: environment)
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
