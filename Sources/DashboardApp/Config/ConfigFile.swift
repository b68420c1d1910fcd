import Foundation

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
/// auto_download: false
/// download_concurrency: 2         # archives downloaded at once; the rest wait in line
/// imports: [octocat/legacy-svn]   # source imports to follow
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
    /// Download archives as soon as they are exported.
    public var autoDownload: Bool?
    /// Archives downloaded at once.
    public var downloadConcurrency: Int?
    /// Source imports to follow, as owner/name.
    public var imports: [String] = []
    /// Key overrides: command name to key names, each already checked against the key table's names.
    public var keys: [String: [String]] = [:]

    /// An empty configuration.
    public init() {}

    /// A configuration file is a few hundred bytes; anything past this is not one.
    static let maximumBytes = 1 << 20

    /// The default location of the file.
    public static func defaultPath(environment: [String: String]) -> String {
        let base =
            environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.config"
        return base + "/migdash/config.yml"
    }

    /// Reads the file. A missing file is an empty configuration unless the user named it (`required`);
    /// an unreadable or broken one is an error naming the file and, where it can, the line and column.
    public static func load(path: String, required: Bool = false) throws(ConfigError) -> ConfigFile {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let number = errno
            if number == ENOENT, !required { return ConfigFile() }
            throw ConfigError(path: path, reason: "cannot read the configuration file: \(Self.reason(number))")
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        let data: Data
        do {
            data = try handle.read(upToCount: maximumBytes + 1) ?? Data()
        } catch {
            // EISDIR arrives here: open(2) succeeds on a directory, read(2) refuses.
            throw ConfigError(path: path, reason: "cannot read the configuration file: \(Self.reason(errno))")
        }
        guard data.count <= maximumBytes else {
            throw ConfigError(path: path, reason: "larger than 1 MiB; not a configuration file")
        }
        return try parse(String(decoding: data, as: UTF8.self), path: path)
    }

    /// `no such file or directory`: strerror's words, lower-cased as the rest of the line is.
    private static func reason(_ number: Int32) -> String {
        let text = String(cString: strerror(number))
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
