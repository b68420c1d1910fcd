import ArgumentParser
import GitHubMigrations

/// `--org ORG` or `--user`: whose migrations a command acts on, for the commands that act on one scope.
struct ScopeOptions: ParsableArguments {
    @Option(help: "The organization the migrations (or repositories) belong to.")
    var org: String?

    @Flag(help: "Your own account's migrations (/user/migrations).")
    var user = false

    func validate() throws {
        guard (org == nil) != !user else { throw ValidationError("Give exactly one of --org ORG or --user.") }
    }

    /// The scope named.
    var scope: MigrationScope { user ? .user : .organization(org ?? "") }
}
