import DashboardCore
import Foundation
import GitHubMigrations
import TerminalUI

/// Everything the dashboard runs with, after flags, environment and config file were merged (flags win).
public struct Settings: Sendable {
    /// The API root, spelled as `APIRoot` spells it.
    public var apiURL: String
    /// The host shown and the one the token is for (`APIRoot.tokenHost`).
    public var host: String
    /// The token, nil in demo mode until the simulator is up.
    public var token: String?
    /// Facts for the reducer.
    public var session: SessionInfo
    /// The theme.
    public var theme: Theme
    /// The key table.
    public var keymap: Keymap
    /// Where archives go.
    public var downloadDirectory: URL
    /// Run against the embedded simulator.
    public var demo: Bool
    /// Where the journal is kept.
    public var journal: JournalChoice = .off

    /// Merges the sources; fails with one line naming the problem (`ConfigError`, `SettingsError`),
    /// a missing token included, except in demo mode, which needs none.
    public static func resolve(_ options: LaunchOptions, environment: [String: String]) throws -> Settings {
        let (config, configPath) = try configuration(options, environment: environment)
        let server = try server(options, config: config, configPath: configPath, environment: environment)
        let downloads = downloadFolder(options, config: config, environment: environment)
        var keymap = Keymap.defaults
        if !config.keys.isEmpty {
            switch keymap.overriding(with: config.keys) {
            case .success(let overridden): keymap = overridden
            case .failure(let error): throw ConfigError(path: configPath, reason: error.description)
            }
        }
        var session = SessionInfo(
            host: options.demo ? "simulator" : server.root.tokenHost,
            configuredOrgs: options.orgs.isEmpty ? config.orgs : options.orgs,
            readOnly: options.readOnly || (config.readOnly ?? false), bell: !options.noBell && (config.bell ?? true),
            autoDownload: options.autoDownload || (config.autoDownload ?? false), followedImports: config.imports,
            downloadConcurrency: options.downloadConcurrency ?? config.downloadConcurrency ?? 2,
            requestBudget: options.requestBudget ?? config.requestBudget ?? RequestBudget.defaultPerMinute,
            timeZone: TimeZone.current)
        // The flag turns notifications on; the file may turn them on too, and chooses the sequence.
        if options.notify || (config.notify ?? false) { session.notifications = config.notifyVia ?? .both }
        // The demo talks to its own simulator on loopback with the simulator's token: nothing to check.
        let token =
            options.demo
            ? nil : try self.token(for: server, options, config: config, environment: environment, demoHint: true)
        var settings = Settings(
            apiURL: server.root.url, host: server.root.tokenHost, token: token, session: session,
            theme: try ThemeLoader.load(options.theme ?? config.theme, environment: environment),
            keymap: keymap, downloadDirectory: downloads, demo: options.demo)
        // The demo's history is the simulator's, made up anew each run: it is not kept.
        settings.journal =
            options.demo ? .off : JournalChoice.resolve(options, config: config, environment: environment)
        return settings
    }

    /// Only what a command needs to reach GitHub and store archives (no theme, no key table), for
    /// `migdash download`, which stays lean: the API root, the host, the token and the download folder.
    public static func resolveConnection(_ options: LaunchOptions, environment: [String: String]) throws
        -> ConnectionSettings
    {
        let (config, configPath) = try configuration(options, environment: environment)
        let server = try server(options, config: config, configPath: configPath, environment: environment)
        let token = try token(for: server, options, config: config, environment: environment, demoHint: false)
        return ConnectionSettings(
            apiURL: server.root.url, host: server.root.tokenHost, token: token,
            downloadDirectory: downloadFolder(options, config: config, environment: environment),
            journal: JournalChoice.resolve(options, config: config, environment: environment))
    }

    /// The configuration file and its path: the one `--config` names, which must be readable, or the
    /// default one, which may be missing.
    private static func configuration(_ options: LaunchOptions, environment: [String: String]) throws(ConfigError)
        -> (ConfigFile, String)
    {
        if let named = options.configPath {
            let path = PathExpansion.expand(named, environment: environment)
            return (try ConfigFile.load(path: path, required: true), path)
        }
        let path = ConfigFile.defaultPath(environment: environment)
        return (try ConfigFile.load(path: path), path)
    }

    /// The API root and where it came from. The first source that names the server names all of it:
    /// `--api-url` or `--hostname` (never both), else the file's `api_url` or `hostname` (both only
    /// when they name the same host), else `GH_HOST`, else github.com. The token is then chosen for
    /// this root's host alone, so a host named at one level never picks the token for a URL of another.
    static func server(
        _ options: LaunchOptions, config: ConfigFile, configPath: String, environment: [String: String]
    ) throws -> (root: APIRoot, source: String) {
        if let url = options.apiURL { return (try root(url: url, from: "--api-url"), "--api-url") }
        if let host = options.hostname { return (try root(host: host, from: "--hostname"), "--hostname") }
        let fromURL = try config.apiURL.map { url throws(ConfigError) in
            try root(url: url, setting: "api_url", configPath: configPath)
        }
        let fromHost = try config.hostname.map { host throws(ConfigError) in
            try root(host: host, setting: "hostname", configPath: configPath)
        }
        if let fromURL, let fromHost, fromURL.tokenHost != fromHost.tokenHost {
            throw ConfigError(
                path: configPath,
                reason: "hostname names \(fromHost.tokenHost) but api_url names \(fromURL.tokenHost); keep one of them")
        }
        if let fromURL { return (fromURL, "api_url in \(configPath)") }
        if let fromHost { return (fromHost, "hostname in \(configPath)") }
        if let host = environment["GH_HOST"], !host.isEmpty {
            return (try root(host: host, from: "GH_HOST"), "GH_HOST")
        }
        return (.github, "the default")
    }

    /// The token for the root's host, after refusing plain http to another machine unless allowed.
    private static func token(
        for server: (root: APIRoot, source: String), _ options: LaunchOptions, config: ConfigFile,
        environment: [String: String], demoHint: Bool
    ) throws(SettingsError) -> String {
        let origin = server.root.origin
        if origin.scheme == "http", !origin.isLoopback, !options.insecureHTTP, config.insecureHTTP != true {
            throw SettingsError(
                "refusing plain http to \(SettingsError.quoted(origin.host)) (\(server.source) "
                    + "\(SettingsError.quoted(server.root.url))): the token would cross the network in clear text; "
                    + "use https, or --insecure-http (insecure_http: true in the config) to accept that")
        }
        let host = server.root.tokenHost
        guard let token = try TokenResolver.resolve(flag: options.token, host: host, environment: environment) else {
            throw TokenResolver.missing(host: host, demo: demoHint)
        }
        return token
    }

    /// A root from a flag or `GH_HOST`; a bad one is one line naming the flag.
    private static func root(url: String? = nil, host: String? = nil, from source: String) throws(SettingsError)
        -> APIRoot
    {
        do throws(APIRootError) {
            return try parsed(url: url, host: host)
        } catch {
            throw SettingsError("\(source) \(shown(url ?? host ?? "", error)) \(error)")
        }
    }

    /// A root from the configuration file; a bad one is a `ConfigError` naming the file and setting.
    private static func root(url: String? = nil, host: String? = nil, setting: String, configPath: String)
        throws(ConfigError) -> APIRoot
    {
        do throws(APIRootError) {
            return try parsed(url: url, host: host)
        } catch {
            throw ConfigError(path: configPath, reason: "\(setting) \(shown(url ?? host ?? "", error)) \(error)")
        }
    }

    /// The root a URL names, else the root of a host.
    private static func parsed(url: String?, host: String?) throws(APIRootError) -> APIRoot {
        if let url { return try APIRoot(parsing: url) }
        return try APIRoot(host: host ?? "")
    }

    /// The text of a refused root as an error may show it: never when it carries a password.
    private static func shown(_ text: String, _ error: APIRootError) -> String {
        error == .credentials ? "(a URL with a user name or password)" : SettingsError.quoted(text)
    }

    /// Where archives go: flags, then the config file, then the current directory.
    private static func downloadFolder(_ options: LaunchOptions, config: ConfigFile, environment: [String: String])
        -> URL
    {
        // The demo's archives are the simulator's, not the user's: they go to a folder of their own
        // under the temporary directory, never into the folder migdash was started in (often a checkout).
        let demoFolder = FileManager.default.temporaryDirectory.appendingPathComponent("migdash-demo-archives").path
        let downloads =
            options.downloadDirectory ?? config.downloadDirectory
            ?? (options.demo ? demoFolder : FileManager.default.currentDirectoryPath)
        return URL(fileURLWithPath: PathExpansion.expand(downloads, environment: environment))
    }
}

/// Where to reach GitHub with which token, and where archives go: the part of `Settings` a command
/// without a screen needs.
public struct ConnectionSettings: Sendable {
    /// The API root.
    public var apiURL: String
    /// The host the token is for (`APIRoot.tokenHost`).
    public var host: String
    /// The token.
    public var token: String
    /// Where archives go.
    public var downloadDirectory: URL
    /// Where the journal is kept.
    public var journal: JournalChoice
}
