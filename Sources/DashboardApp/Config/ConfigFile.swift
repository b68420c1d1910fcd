import Foundation
import TerminalUI

/// `$XDG_CONFIG_HOME/migdash/config.yml` (or `~/.config/migdash/config.yml`): the same settings as the flags.
///
/// ```yaml
/// hostname: ghe.example.com       # or api_url: https://ghe.example.com/api/v3
/// insecure_http: false            # allow an http:// api_url on another machine (clear-text token)
/// orgs: [octo-org]
/// theme: light
/// download_dir: ~/migration-archives
/// readonly: false
/// bell: true
/// notify: false                   # or true (OSC 777 and OSC 9), osc777, osc9, both
/// auto_download: false
/// download_concurrency: 2         # archives downloaded at once; the rest wait in line
/// request_budget: 60              # requests a minute migdash allows itself in steady state
/// imports: [octocat/legacy-svn]   # source imports to follow
/// journal: ~/migdash-journal.sqlite   # or off; default $XDG_STATE_HOME/migdash/LOGIN@HOST.sqlite
/// keys:                           # key overrides: command: [keys]
///   quit: [q, Q]
/// ```
public struct ConfigFile: Sendable, Equatable {
    /// The API root.
    public var apiURL: String?
    /// An Enterprise Server host name.
    public var hostname: String?
    /// Allow plain http to an API root on another machine.
    public var insecureHTTP: Bool?
    /// Organizations to watch.
    public var orgs: [String] = []
    /// A theme name or path.
    public var theme: String?
    /// Where archives are saved.
    public var downloadDirectory: String?
    /// Disable every mutating command.
    public var readOnly: Bool?
    /// Ring the bell when something finishes.
    public var bell: Bool?
    /// Desktop notifications through the terminal when something finishes (`notify:` true, or a sequence).
    public var notify: Bool?
    /// Which sequence carries them (`notify: osc777`, `osc9` or `both`); nil means both.
    public var notifyVia: NotificationProtocol?
    /// Download archives as soon as they are exported.
    public var autoDownload: Bool?
    /// Archives downloaded at once.
    public var downloadConcurrency: Int?
    /// Requests a minute migdash allows itself in steady state.
    public var requestBudget: Int?
    /// The journal's file, or `off`.
    public var journal: String?
    /// Source imports to follow, as owner/name.
    public var imports: [String] = []
    /// Key overrides: command name to key names, each already checked against the key table's names.
    public var keys: [String: [String]] = [:]

    /// An empty configuration.
    public init() {}

    /// A configuration file is a few hundred bytes; anything past this is not one.
    static let maximumBytes = BoundedYAML.maximumBytes

    /// The default location of the file.
    public static func defaultPath(environment: [String: String]) -> String {
        let base =
            environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.config"
        return base + "/migdash/config.yml"
    }

    /// Reads the file. A missing file is an empty configuration unless the user named it (`required`);
    /// an unreadable or broken one is an error naming the file and, where it can, the line and column.
    /// A FIFO or a device is refused rather than waited on.
    public static func load(path: String, required: Bool = false) throws(ConfigError) -> ConfigFile {
        let text: String
        do {
            text = try BoundedYAML.read(path)
        } catch {
            let reason: String
            switch error {
            case .missing:
                guard required else { return ConfigFile() }
                reason = "no such file or directory"
            case .directory: reason = "is a directory"
            case .tooLarge: throw ConfigError(path: path, reason: "larger than 1 MiB; not a configuration file")
            case .notRegular, .unreadable: reason = error.description
            }
            throw ConfigError(path: path, reason: "cannot read the configuration file: \(reason)")
        }
        return try parse(text, path: path)
    }
}
