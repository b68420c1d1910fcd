import ArgumentParser
import DashboardApp
import DashboardCore
import Foundation

/// The default command: the live dashboard, against GitHub or (with `--demo`) the embedded simulator.
struct DashboardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Watch and manage migrations, archives and source imports (the default command).",
        discussion: """
            The token is the one for the host of the API root in use: GH_TOKEN or GITHUB_TOKEN for \
            github.com (GH_ENTERPRISE_TOKEN or GITHUB_ENTERPRISE_TOKEN for an Enterprise host), else \
            the GitHub CLI's hosts.yml entry for that host; or give it with --token-file PATH or \
            --token - (standard input). --token VALUE works too, but puts the token in the process \
            list. Plain http is refused except to this machine (--insecure-http accepts a token \
            in clear text). Settings may also live in $XDG_CONFIG_HOME/migdash/config.yml; flags win.
            """
    )

    @OptionGroup var connection: ConnectionOptions

    @Option(help: "An organization to watch (repeatable); default: your organizations.")
    var org: [String] = []

    @Option(help: "A theme: default, light, high-contrast, monochrome, or a YAML file.")
    var theme: String?

    @Option(help: "Where downloaded archives go (default: the current directory).")
    var downloadDir: String?

    @Flag(help: "Disable every command that changes something on GitHub.")
    var readonly = false

    @Flag(help: "Do not ring the bell when a migration or import finishes.")
    var noBell = false

    @Flag(help: "Desktop notifications through the terminal (OSC 777 and OSC 9) when something finishes.")
    var notify = false

    @Flag(help: "Download each archive as soon as its migration is exported.")
    var autoDownload = false

    @Option(help: "Archives downloaded at once (1-16, default 2); the rest wait in line.")
    var downloadConcurrency: Int?

    @Option(help: "Requests a minute migdash allows itself in steady state (10-5000, default 60).")
    var requestBudget: Int?

    @Flag(help: "Run against an embedded simulator on a loopback port: no token, no network.")
    var demo = false

    func validate() throws {
        if let count = downloadConcurrency, !(1...16).contains(count) {
            throw ValidationError("--download-concurrency must be from 1 to 16.")
        }
        if let budget = requestBudget, !RequestBudget.allowed.contains(budget) {
            throw ValidationError("--request-budget must be from 10 to 5000 requests a minute.")
        }
    }

    func run() async throws {
        var options = LaunchOptions()
        do {
            try connection.apply(to: &options)
        } catch {
            throw CommandFailure.usage("\(error)").exit()
        }
        // The keys come from the terminal, even when the token came through a pipe.
        if connection.readsStandardInput { TokenInput.reattachTerminalInput() }
        options.orgs = org
        options.theme = theme
        options.downloadDirectory = downloadDir
        options.readOnly = readonly
        options.noBell = noBell
        options.autoDownload = autoDownload
        options.notify = notify
        options.downloadConcurrency = downloadConcurrency
        options.requestBudget = requestBudget
        options.demo = demo
        let status = await DashboardLauncher.run(options)
        if status != 0 { throw ExitCode(status) }
    }
}
