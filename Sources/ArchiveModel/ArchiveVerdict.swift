/// Whether an archive read whole: gzip stream, CRC, length and every tar header.
public struct ArchiveVerdict: Sendable, Equatable, Codable {
    /// The three outcomes of reading an archive end to end.
    public enum Status: String, Sendable, Equatable, Codable {
        /// Every byte read: gzip CRC-32 and length match, every tar header is sound.
        case intact
        /// The file ends before the gzip stream or the tar does: a download cut short.
        case truncated
        /// The bytes are not a sound tar.gz: wrong format, bad data, a failed checksum.
        case corrupt
    }

    /// The outcome.
    public var status: Status
    /// What went wrong, in a line; nil when intact.
    public var reason: String?

    /// An archive that read whole.
    public static let intact = ArchiveVerdict(status: .intact, reason: nil)

    /// A file that ends too early.
    public static func truncated(_ reason: String) -> ArchiveVerdict {
        ArchiveVerdict(status: .truncated, reason: reason)
    }

    /// A file whose bytes are wrong.
    public static func corrupt(_ reason: String) -> ArchiveVerdict {
        ArchiveVerdict(status: .corrupt, reason: reason)
    }

    /// True when the archive read whole.
    public var isIntact: Bool { status == .intact }

    /// One line for people: `intact`, or the status and the reason.
    public var summary: String {
        guard let reason else { return status.rawValue }
        return "\(status.rawValue): \(reason)"
    }
}
