import DashboardApp
import Foundation
import GitHubMigrations

extension ConnectionOptions {
    /// The settings (API root, token, download folder) and a client for them, as every command that calls
    /// the API needs them; a bad command line or configuration is `CommandFailure.usage`.
    func client(output: String? = nil) throws(CommandFailure) -> (GitHubClient, ConnectionSettings) {
        var options = LaunchOptions()
        options.downloadDirectory = output
        let settings: ConnectionSettings
        do {
            try apply(to: &options)
            settings = try Settings.resolveConnection(options, environment: ProcessInfo.processInfo.environment)
        } catch {
            throw .usage("\(error)")
        }
        var configuration = ClientConfiguration(baseURL: settings.apiURL, token: settings.token)
        // A secondary rate limit can hold every request for minutes: say so instead of going quiet.
        configuration.onPause = { until in
            let seconds = Int(min(max(until.timeIntervalSinceNow.rounded(.up), 0), 86_400))
            // A progress bar's line is cleared first, so the message does not land after it.
            if isatty(STDOUT_FILENO) == 1 { Console.redraw("") }
            Console.error("migdash: waiting \(seconds)s for GitHub's secondary rate limit to lift")
        }
        CommandJournal.attach(&configuration, settings)
        return (GitHubClient(configuration: configuration), settings)
    }
}

extension ConnectionOptions {
    /// The whole settings and the token for a run of the dashboard's core without a screen (`watch`,
    /// `wait`): `adjust` sets what the command decides on top of the flags and the config file. Never
    /// rings, never writes to GitHub.
    func headlessSettings(_ adjust: (inout LaunchOptions) -> Void = { _ in }) throws(CommandFailure) -> (
        Settings, String
    ) {
        var options = LaunchOptions()
        let settings: Settings
        do {
            try apply(to: &options)
            options.noBell = true
            options.readOnly = true
            adjust(&options)
            settings = try Settings.resolve(options, environment: ProcessInfo.processInfo.environment)
        } catch {
            throw .usage("\(error)")
        }
        guard let token = settings.token else { throw .usage(TokenResolver.missingTokenHelp) }
        return (settings, token)
    }
}

extension ConnectionSettings {
    /// The login GitHub names for the token, which the journal's file is named by: one `GET /user` on a
    /// client of its own, closed after.
    func login() async throws -> String {
        let client = GitHubClient(configuration: ClientConfiguration(baseURL: apiURL, token: token))
        do {
            let login = try await client.authenticatedUser().login
            try? await client.shutdown()
            return login
        } catch {
            try? await client.shutdown()
            throw error
        }
    }
}
