/// How far a download is: bytes on disk while downloading, then bytes checked while verifying.
public struct ArchiveDownloadProgress: Sendable, Equatable {
    /// The two phases of a download.
    public enum Phase: String, Sendable, Equatable {
        /// Bytes are arriving from the storage host.
        case downloading
        /// The whole file is being read back: SHA-256, gzip and tar.
        case verifying
    }

    /// The phase.
    public var phase: Phase
    /// Bytes so far: on disk (downloading) or read back (verifying).
    public var bytes: Int64
    /// The archive's size, when the storage has said.
    public var total: Int64?

    /// Creates a progress report.
    public init(phase: Phase, bytes: Int64, total: Int64?) {
        self.phase = phase
        self.bytes = bytes
        self.total = total
    }
}
