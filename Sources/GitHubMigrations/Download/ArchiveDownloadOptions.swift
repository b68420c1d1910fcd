/// How patient a download is, and how it learns the free disk space.
public struct ArchiveDownloadOptions: Sendable {
    /// Failed storage requests in a row, without a byte of progress, before the download gives up.
    public var maxConsecutiveFailures = 6
    /// Storage requests in a row that brought no bytes before the download gives up: a safety net
    /// under the other budgets. A download that keeps making progress is never cut off by a count.
    public var maxRequests = 50
    /// Fresh storage URLs asked of the API in a row, with no bytes between them, after the storage
    /// refused one (403 once a URL expires). Bytes received start the count again, so a long
    /// download over a flaky link may outlive any number of short-lived URLs.
    public var maxURLRefreshes = 20
    /// Longest wait between retries, in seconds; waits start at the client's `retryBaseDelay` and double.
    public var maxBackoff: Double = 30
    /// Free space kept beyond the archive's size, so a download never fills a disk to the last byte.
    public var reserveBytes: Int64 = 16 << 20
    /// A transfer slower than `minimumRate` bytes a second over this long is a stall: a host that sends
    /// a byte every few seconds never trips the connection's idle timeout, but never finishes either.
    public var stallWindow: Duration = .seconds(30)
    /// Slowest transfer, in bytes a second averaged over `stallWindow`, that still counts as moving.
    public var minimumRate: Int64 = 1024
    /// Largest archive size a storage host may announce: 1 PiB, far beyond any migration archive. A
    /// larger `Content-Length` or `Content-Range` is an error, so no size arithmetic can overflow.
    public var maxArchiveBytes: Int64 = 1 << 50
    /// Where free space figures come from.
    public var diskSpace = DiskSpace.system

    /// The defaults above.
    public init() {}
}
