import ArchiveModel

/// Where the reading of a downloaded archive stands, for the archive overlay.
public enum InspectionState: Sendable, Equatable {
    /// Being read.
    case reading(path: String)
    /// Read: what the archive holds, or its verdict.
    case read(path: String, ArchiveReport)
    /// The file could not be read.
    case failed(path: String, reason: String)

    /// The file the reading is about.
    public var path: String {
        switch self {
        case .reading(let path), .read(let path, _), .failed(let path, _): path
        }
    }
}
