import ArgumentParser
import DashboardApp

/// The options that say which GitHub to talk to and as whom, shared by every command that calls the API.
struct ConnectionOptions: ParsableArguments {
    @Option(help: "The API root, e.g. https://github.example.com/api/v3.")
    var apiURL: String?

    @Option(help: "A GitHub Enterprise Server host (API root https://HOST/api/v3); default GH_HOST.")
    var hostname: String?

    @Option(help: "A classic personal access token.")
    var token: String?

    @Option(help: "A configuration file instead of $XDG_CONFIG_HOME/migdash/config.yml.")
    var config: String?

    func validate() throws {
        guard apiURL == nil || hostname == nil else { throw ValidationError("Give --api-url or --hostname, not both.") }
    }

    /// Copies the options into a launch's options; flags win over the config file and the environment.
    func apply(to options: inout LaunchOptions) {
        options.apiURL = apiURL
        options.hostname = hostname
        options.token = token
        options.configPath = config
    }
}
