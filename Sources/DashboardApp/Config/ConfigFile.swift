import Foundation
import Yams

/// `$XDG_CONFIG_HOME/migdash/config.yml` (or `~/.config/migdash/config.yml`): the same settings as the flags.
///
/// ```yaml
/// hostname: ghe.example.com       # or api_url: https://ghe.example.com/api/v3
/// orgs: [octo-org]
/// theme: light
/// download_dir: ~/migration-archives
/// readonly: false
/// bell: true
/// auto_download: false
/// imports: [octocat/legacy-svn]   # source imports to follow
/// keys:                           # key overrides: command: [keys]
///   quit: [q, Q]
/// ```
public struct ConfigFile: Sendable, Equatable {
    /// The API root.
    public var apiURL: String?
    /// An Enterprise Server host name.
    public var hostname: String?
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
    /// Download archives as soon as they are exported.
    public var autoDownload: Bool?
    /// Source imports to follow, as owner/name.
    public var imports: [String] = []
    /// Key overrides: command name to key names.
    public var keys: [String: [String]] = [:]

    /// An empty configuration.
    public init() {}

    /// The default location of the file.
    public static func defaultPath(environment: [String: String]) -> String {
        let base =
            environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.config"
        return base + "/migdash/config.yml"
    }

    /// Reads the file; a missing file is an empty configuration, a broken one an error naming the problem.
    public static func load(path: String) throws(ConfigError) -> ConfigFile {
        guard let data = FileManager.default.contents(atPath: path) else { return ConfigFile() }
        return try parse(String(decoding: data, as: UTF8.self), path: path)
    }

    /// Parses configuration YAML.
    public static func parse(_ yaml: String, path: String) throws(ConfigError) -> ConfigFile {
        let document: Any?
        do { document = try Yams.load(yaml: yaml) } catch { throw .invalid(path: path, reason: "not valid YAML") }
        guard let root = document as? [String: Any] else {
            if document == nil { return ConfigFile() }
            throw .invalid(path: path, reason: "expected a mapping of settings")
        }
        var config = ConfigFile()
        for (key, value) in root {
            switch key {
            case "api_url": config.apiURL = try string(value, key, path)
            case "hostname": config.hostname = try string(value, key, path)
            case "orgs": config.orgs = try strings(value, key, path)
            case "theme": config.theme = try string(value, key, path)
            case "download_dir": config.downloadDirectory = try string(value, key, path)
            case "readonly": config.readOnly = try bool(value, key, path)
            case "bell": config.bell = try bool(value, key, path)
            case "auto_download": config.autoDownload = try bool(value, key, path)
            case "imports": config.imports = try strings(value, key, path)
            case "keys":
                guard let map = value as? [String: Any] else {
                    throw .invalid(path: path, reason: "keys must be a mapping")
                }
                for (command, keys) in map { config.keys[command] = try strings(keys, "keys.\(command)", path) }
            default: throw .invalid(path: path, reason: "unknown setting \"\(key)\"")
            }
        }
        return config
    }

    private static func string(_ value: Any, _ key: String, _ path: String) throws(ConfigError) -> String {
        guard let text = value as? String else { throw .invalid(path: path, reason: "\(key) must be text") }
        return text
    }

    private static func strings(_ value: Any, _ key: String, _ path: String) throws(ConfigError) -> [String] {
        if let single = value as? String { return [single] }
        guard let list = value as? [Any] else { throw .invalid(path: path, reason: "\(key) must be a list") }
        return list.map { "\($0)" }
    }

    private static func bool(_ value: Any, _ key: String, _ path: String) throws(ConfigError) -> Bool {
        guard let flag = value as? Bool else { throw .invalid(path: path, reason: "\(key) must be true or false") }
        return flag
    }
}

/// Why the configuration could not be used.
public enum ConfigError: Error, Equatable, CustomStringConvertible {
    case invalid(path: String, reason: String)

    /// One line for the user.
    public var description: String {
        switch self {
        case .invalid(let path, let reason): "\(path): \(reason)"
        }
    }
}
