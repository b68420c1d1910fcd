import GitHubMigrations

/// The exit statuses of every command, one table (docs/cli.md), so a script can tell a failed
/// migration from a refused token from a network outage without reading the message.
enum ExitStatus {
    /// Done: everything asked for happened.
    static let done: Int32 = 0
    /// Something the user asked about failed (a migration `failed`, an archive that did not verify).
    static let failed: Int32 = 1
    /// The command line, the configuration or the token's whereabouts were wrong.
    static let usage: Int32 = 2
    /// GitHub refused the token or the permission (401, 403).
    static let denied: Int32 = 3
    /// Not found: the organization, the migration or the archive (404, 410).
    static let notFound: Int32 = 4
    /// A rate limit, primary or secondary, stopped the work.
    static let rateLimited: Int32 = 5
    /// The network: no connection, no answer in time, TLS.
    static let network: Int32 = 6
    /// A `--timeout` ran out.
    static let timedOut: Int32 = 124

    /// The status for a failure GitHub (or the way to it) reported.
    static func of(_ error: GitHubError) -> Int32 {
        switch error.kind {
        case .unauthorized, .forbidden: denied
        case .notFound, .retiredAPI: notFound
        case .rateLimited, .secondaryRateLimited: rateLimited
        case .offline, .timeout: network
        default: failed
        }
    }
}
