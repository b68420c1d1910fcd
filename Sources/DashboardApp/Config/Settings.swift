import DashboardCore
import Foundation
import GitHubMigrations

/// Everything the dashboard runs with, after flags, environment and config file were merged (flags win).
public struct Settings: Sendable {
    /// The API root.
    public var apiURL: String
    /// The host name shown and used to find a token.
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

    /// Merges the sources; fails with one line naming the problem.
    public static func resolve(_ options: LaunchOptions, environment: [String: String]) throws -> Settings {
        let (config, configPath) = try configuration(options, environment: environment)
        let (apiURL, host, downloads) = connection(options, config: config, environment: environment)
        var keymap = Keymap.defaults
        if !config.keys.isEmpty {
            switch keymap.overriding(with: config.keys) {
            case .success(let overridden): keymap = overridden
            case .failure(let error): throw ConfigError(path: configPath, reason: error.description)
            }
        }
        let session = SessionInfo(
            host: options.demo ? "simulator" : host, configuredOrgs: options.orgs.isEmpty ? config.orgs : options.orgs,
            readOnly: options.readOnly || (config.readOnly ?? false), bell: !options.noBell && (config.bell ?? true),
            autoDownload: options.autoDownload || (config.autoDownload ?? false), followedImports: config.imports,
            downloadConcurrency: options.downloadConcurrency ?? config.downloadConcurrency ?? 2,
            timeZone: TimeZone.current)
        return Settings(
            apiURL: apiURL, host: host,
            token: options.demo
                ? nil : TokenResolver.resolve(flag: options.token, host: host, environment: environment),
            session: session,
            theme: try ThemeLoader.load(options.theme ?? config.theme, environment: environment),
            keymap: keymap, downloadDirectory: downloads, demo: options.demo)
    }

    /// Only what a command needs to reach GitHub and store archives (no theme, no key table), for
    /// `migdash download`, which stays lean: the API root, the host, the token and the download folder.
    public static func resolveConnection(_ options: LaunchOptions, environment: [String: String]) throws
        -> ConnectionSettings
    {
        let (config, _) = try configuration(options, environment: environment)
        let (apiURL, host, downloads) = connection(options, config: config, environment: environment)
        let token = TokenResolver.resolve(flag: options.token, host: host, environment: environment)
        return ConnectionSettings(apiURL: apiURL, host: host, token: token, downloadDirectory: downloads)
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

    /// The API root, host label and download folder: flags, then the config file, then the environment.
    private static func connection(_ options: LaunchOptions, config: ConfigFile, environment: [String: String])
        -> (apiURL: String, host: String, downloads: URL)
    {
        let hostname = options.hostname ?? config.hostname ?? environment["GH_HOST"]
        let apiURL =
            options.apiURL ?? config.apiURL ?? hostname.map(ClientConfiguration.baseURL(forHost:))
            ?? ClientConfiguration.defaultBaseURL
        // The demo's archives are the simulator's, not the user's: they go to a folder of their own
        // under the temporary directory, never into the folder migdash was started in (often a checkout).
        let demoFolder = FileManager.default.temporaryDirectory.appendingPathComponent("migdash-demo-archives").path
        let downloads =
            options.downloadDirectory ?? config.downloadDirectory
            ?? (options.demo ? demoFolder : FileManager.default.currentDirectoryPath)
        let folder = URL(fileURLWithPath: PathExpansion.expand(downloads, environment: environment))
        return (apiURL, hostLabel(apiURL: apiURL, hostname: hostname), folder)
    }

    /// `github.com` for the public API, else the API root's host.
    static func hostLabel(apiURL: String, hostname: String?) -> String {
        if apiURL == ClientConfiguration.defaultBaseURL { return "github.com" }
        return hostname ?? URLComponents(string: apiURL)?.host ?? apiURL
    }
}

/// Where to reach GitHub with which token, and where archives go: the part of `Settings` a command
/// without a screen needs.
public struct ConnectionSettings: Sendable {
    /// The API root.
    public var apiURL: String
    /// The host name used to find a token.
    public var host: String
    /// The token, nil when none was found.
    public var token: String?
    /// Where archives go.
    public var downloadDirectory: URL
}
