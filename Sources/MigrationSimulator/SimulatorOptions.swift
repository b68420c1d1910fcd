/// Settings for one simulated GitHub: where it listens, who may call it and how fast time runs.
public struct SimulatorOptions: Sendable {
    /// The token the simulator accepts when none is configured; documented for the demo.
    public static let defaultToken = "migdash-demo-token"

    /// Address both listeners bind to.
    public var host = "127.0.0.1"
    /// API listener port; 0 picks an ephemeral port.
    public var port = 0
    /// Archive storage listener port (a second origin, as S3 is); 0 picks an ephemeral port.
    public var storagePort = 0
    /// Tokens accepted in `Authorization: Bearer T` or `token T`.
    public var tokens: [String] = [defaultToken]
    /// Simulated seconds a migration takes from `pending` through `exporting` to `exported`.
    public var exportSeconds: Double = 15
    /// Simulated seconds a source import takes from `detecting` to `complete`.
    public var importSeconds: Double = 60
    /// Organizations the viewer owns: `octo-org`, then `octo-org-2`, `octo-org-3`… each with a few
    /// repositories; from 1 to `maximumOrganizations`.
    public var ownedOrganizations = 1
    /// Extra finished organization migrations (mostly exported, some failed) for load tests, spread
    /// over the owned organizations in turn; from 0 to `maximumHistoricalMigrations`.
    public var historicalMigrations = 0

    /// The most organizations a simulator will make; more is refused by `migdash simulate`, clamped here.
    public static let maximumOrganizations = 1_000
    /// The most historical migrations a simulator will make; more is refused by `migdash simulate`, clamped here.
    public static let maximumHistoricalMigrations = 200_000
    /// Lifetime of a signed storage URL, in simulated seconds.
    public var archiveURLLifetime: Double = 300
    /// When set, storage sends archive bytes at about this rate, as a real network would, so that
    /// download progress can be watched (the demo uses it); nil sends them as fast as loopback allows.
    public var storageBytesPerSecond: Int? = nil
    /// When true, storage serves each signed URL once; a second GET with it gets 403, as if it expired.
    public var oneUseArchiveURLs = false
    /// Extra bytes of Git data in the seeded exported migration 240498's archive, for download benchmarks.
    public var largeArchiveBytes = 0
    /// When set, every `/import` endpoint answers as a retired API.
    public var retiredImports: RetiredImports? = nil
    /// Primary rate-limit budget per token per hour.
    public var rateLimit = 5000
    /// `false` leaves only the user, organizations and repositories: no migrations or imports.
    public var seedWorld = true
    /// Time stands still except when advanced: tests see exactly the states they advance to,
    /// however slowly the machine runs.
    public var frozenClock = false

    /// Options with the defaults above.
    public init() {}
}

/// How the retired Source Imports API answers when retirement is switched on.
public enum RetiredImports: Sendable {
    /// Every import endpoint answers 404 Not Found.
    case notFound
    /// Every import endpoint answers 410 Gone with the retirement notice.
    case gone
}
