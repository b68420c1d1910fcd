/// The storage requests a download needed, and why.
public struct ArchiveDownloadStatistics: Sendable, Equatable {
    /// Requests sent to the storage host.
    public var requests = 0
    /// Requests that resumed with `Range` and got a 206.
    public var resumes = 0
    /// Times the partial file was emptied to start over (a 200 for a range, a changed object, a bad archive).
    public var restarts = 0
    /// Fresh storage URLs asked of the API after the first.
    public var urlRefreshes = 0
}
