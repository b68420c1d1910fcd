/// How one storage request ended.
enum ExchangeOutcome: Equatable {
    /// The partial file now holds the whole archive.
    case complete
    /// The bytes so far already fail verification: stop fetching and hear the verdict.
    case unsound
    /// The connection or the server failed. Whether it counts as progress is decided by the furthest byte
    /// reached, not by whether bytes arrived: bytes that only reach a point reached before are no progress.
    case failed(String)
    /// Bytes arrived slower than the slowest rate allowed: never progress, however many arrived.
    case stalled(String)
    /// The storage refused the URL (expired, one-use, deleted): ask the API for a fresh one.
    case refreshURL
    /// The partial file was emptied or the URL changed: ask again at once.
    case again
}
