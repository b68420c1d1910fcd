/// How one storage request ended.
enum ExchangeOutcome: Equatable {
    /// The partial file now holds the whole archive.
    case complete
    /// The bytes so far already fail verification: stop fetching and hear the verdict.
    case unsound
    /// The connection or the server failed; `progressed` when bytes arrived first.
    case failed(String, progressed: Bool)
    /// The storage refused the URL (expired, one-use, deleted): ask the API for a fresh one.
    case refreshURL
    /// The partial file was emptied or the URL changed: ask again at once.
    case again
}
