import Foundation
import TerminalUI

/// Facts about this run that do not change while it lasts.
public struct SessionInfo: Sendable, Equatable {
    /// The host shown in the status bar, such as `github.com`.
    public var host: String
    /// Organizations named with `--org`; empty means those the user belongs to.
    public var configuredOrgs: [String]
    /// Whether the user's own migrations are watched (`migdash watch --org ORG` alone leaves them out).
    public var watchesUser = true
    /// Whether organizations are watched at all (`migdash watch --user` alone leaves them out).
    public var watchesOrganizations = true
    /// Migrations followed by id alone, without reading any list (`migdash wait`): each is read with its
    /// own conditional GET until it is exported or failed. Empty for the dashboard and `migdash watch`.
    public var followed: [MigrationKey] = []
    /// Whether repositories are probed for source imports after connecting (not for `migdash wait`).
    public var discoversImports = true
    /// Mutating commands are disabled.
    public var readOnly: Bool
    /// Ring the bell when a migration or import finishes.
    public var bell: Bool
    /// Desktop notifications through the terminal, and by which sequence; nil (the default) sends none.
    public var notifications: NotificationProtocol?
    /// The API root in use, for links a payload left out (an old migration without `url`); nil when unknown.
    public var apiURL: String?
    /// Download every archive when its migration reaches `exported`.
    public var autoDownload: Bool
    /// Repositories whose source imports to follow, besides those found or started.
    public var followedImports: [String]
    /// Downloads that run at once; the rest wait in the queue.
    public var downloadConcurrency: Int
    /// Requests a minute the dashboard allows itself in steady state.
    public var requestBudget: Int
    /// How times are written: in the zone of the process (`TZ`) as the launcher found it, UTC in tests.
    /// Built once here, because a formatter costs more to build than a row costs to draw.
    public private(set) var timeFormat: TimeFormat

    /// The zone times are shown in.
    public var timeZone: TimeZone {
        get { timeFormat.timeZone }
        set { timeFormat = TimeFormat(timeZone: newValue) }
    }

    /// Creates session facts.
    public init(
        host: String, configuredOrgs: [String] = [], readOnly: Bool = false, bell: Bool = true,
        autoDownload: Bool = false, followedImports: [String] = [], downloadConcurrency: Int = 2,
        requestBudget: Int = RequestBudget.defaultPerMinute, timeZone: TimeZone = TimeZone(identifier: "UTC")!
    ) {
        self.host = host
        self.configuredOrgs = configuredOrgs
        self.readOnly = readOnly
        self.bell = bell
        self.autoDownload = autoDownload
        self.followedImports = followedImports
        self.downloadConcurrency = min(max(downloadConcurrency, 1), 16)
        self.requestBudget = RequestBudget(perMinute: requestBudget).perMinute
        timeFormat = TimeFormat(timeZone: timeZone)
    }
}

extension SessionInfo {
    /// This session narrowed to following `keys` by id alone (`migdash wait`, `migdash backup`): no list
    /// read, no import probed, and nothing downloaded by the core, whatever the configuration says.
    public func following(_ keys: [MigrationKey]) -> SessionInfo {
        var session = self
        session.followed = keys
        session.watchesUser = false
        session.watchesOrganizations = false
        session.discoversImports = false
        session.autoDownload = false
        return session
    }
}
