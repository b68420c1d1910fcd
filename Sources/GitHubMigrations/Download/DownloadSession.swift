import Foundation

/// What one download has learnt so far: its storage URL, the archive's size and ETag, and its counters.
struct DownloadSession {
    /// The signed storage URL in use; nil until asked for, and again once the storage refused it.
    var url: URL?
    /// Redirects followed from the signed URL since it was issued.
    var redirects = 0
    /// The archive's size, once the storage has said.
    var total: Int64?
    /// The archive's strong ETag, sent back in `If-Range` so a changed object comes back whole.
    var etag: String?
    /// Failed requests in a row that brought no bytes.
    var failuresInRow = 0
    /// Requests of any outcome since bytes last arrived.
    var requestsWithoutBytes = 0
    /// Fresh URLs asked for since bytes last arrived.
    var refreshesWithoutBytes = 0
    /// Verifications that found the bytes unsound.
    var badVerifications = 0
    /// The reader verifying the partial file as it grows; nil until the first request, and again
    /// once the file is emptied to start over.
    var follower: ArchiveFollower?
    /// The furthest byte of the archive ever on disk in this download. A host that ignores `Range` and
    /// cuts every transfer at the same byte makes each attempt start over and bring bytes, yet none gets
    /// further: only a new furthest byte is progress.
    var furthest: Int64 = 0

    /// Notes that the partial file holds `size` bytes; true when that is further than ever before.
    mutating func reach(_ size: Int64) -> Bool {
        guard size > furthest else { return false }
        furthest = size
        return true
    }

    /// A new furthest byte: every budget of attempts without progress starts again.
    mutating func progressed() {
        failuresInRow = 0
        requestsWithoutBytes = 0
        refreshesWithoutBytes = 0
    }

    /// What to report at the end.
    var statistics = ArchiveDownloadStatistics()
}
