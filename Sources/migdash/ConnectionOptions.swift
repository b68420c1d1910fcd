import ArgumentParser
import DashboardApp
import Foundation

/// The options that say which GitHub to talk to and as whom, shared by every command that calls the API.
struct ConnectionOptions: ParsableArguments {
    @Option(help: "The API root, e.g. https://github.example.com/api/v3.")
    var apiURL: String?

    @Option(help: "A GitHub Enterprise Server host (API root https://HOST/api/v3); default GH_HOST.")
    var hostname: String?

    @Option(
        help: ArgumentHelp(
            "A classic personal access token, or - to read it from standard input. A token given here is in "
                + "the process list, where every user of this machine can read it: prefer GH_TOKEN, "
                + "--token-file or --token -.",
            valueName: "token"))
    var token: String?

    @Option(
        help: ArgumentHelp(
            "Read the token from a file that only you can read (chmod 600); one line.", valueName: "path"))
    var tokenFile: String?

    @Flag(help: "Read the token from standard input (the same as --token -).")
    var tokenStdin = false

    @Flag(
        name: .customLong("insecure-http"),
        help: "Allow an http:// API root on another machine, where the token would cross the network in clear text.")
    var insecureHTTP = false

    @Option(help: "A configuration file instead of $XDG_CONFIG_HOME/migdash/config.yml.")
    var config: String?

    @Option(
        help: ArgumentHelp(
            "The journal's file (default: $XDG_STATE_HOME/migdash/LOGIN@HOST.sqlite; see docs/journal.md).",
            valueName: "path"))
    var journal: String?

    @Flag(help: "Keep no journal of what was seen and done.")
    var noJournal = false

    /// The warning for `--token VALUE`: gh never takes a token as an argument, for this reason.
    static let tokenFlagWarning =
        "migdash: warning: --token puts the token in the process list, where every user of this machine can "
        + "read it; use GH_TOKEN, --token-file PATH or --token - instead"

    func validate() throws {
        guard apiURL == nil || hostname == nil else { throw ValidationError("Give --api-url or --hostname, not both.") }
        guard journal == nil || !noJournal else { throw ValidationError("Give --journal or --no-journal, not both.") }
        guard [token != nil, tokenFile != nil, tokenStdin].filter({ $0 }).count <= 1 else {
            throw ValidationError("Give one of --token, --token-file and --token-stdin.")
        }
    }

    /// True when the token comes through standard input (`--token -` or `--token-stdin`).
    var readsStandardInput: Bool { tokenStdin || token == "-" }

    /// Copies the options into a launch's options (flags win over the config file and the
    /// environment), reading the token from its file or standard input. `--token VALUE` is taken
    /// but warned about, on every machine: any account, a service's included, can read a process's
    /// arguments (`/proc/PID/cmdline`, `ps`).
    func apply(to options: inout LaunchOptions) throws(SettingsError) {
        options.apiURL = apiURL
        options.hostname = hostname
        options.configPath = config
        options.insecureHTTP = insecureHTTP
        options.journalPath = journal
        options.noJournal = noJournal
        if readsStandardInput {
            options.token = try TokenInput.readStandardInput()
        } else if let tokenFile {
            options.token = try TokenInput.read(
                file: PathExpansion.expand(tokenFile, environment: ProcessInfo.processInfo.environment))
        } else if let token, !token.isEmpty {
            Console.error(Self.tokenFlagWarning)
            options.token = token
        }
    }
}
