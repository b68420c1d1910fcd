import Foundation

/// What the command line said; nil means "not given", so the config file may fill it in.
public struct LaunchOptions: Sendable {
    /// `--api-url`.
    public var apiURL: String?
    /// `--hostname`.
    public var hostname: String?
    /// The token given on the command line: `--token`, or read by `--token-file` or `--token -`.
    public var token: String?
    /// `--insecure-http`: allow plain http to an API root on another machine.
    public var insecureHTTP = false
    /// `--org`, repeatable.
    public var orgs: [String] = []
    /// `--theme NAME|PATH`.
    public var theme: String?
    /// `--download-dir`.
    public var downloadDirectory: String?
    /// `--readonly`.
    public var readOnly = false
    /// `--demo`.
    public var demo = false
    /// `--no-bell`.
    public var noBell = false
    /// `--notify`: desktop notifications through the terminal.
    public var notify = false
    /// `--auto-download`.
    public var autoDownload = false
    /// `--download-concurrency`.
    public var downloadConcurrency: Int?
    /// `--request-budget`.
    public var requestBudget: Int?
    /// `--config PATH`, instead of the default location.
    public var configPath: String?
    /// `--journal PATH`: the journal's file instead of the default one.
    public var journalPath: String?
    /// `--no-journal`: keep no journal.
    public var noJournal = false

    /// Creates empty options.
    public init() {}
}
