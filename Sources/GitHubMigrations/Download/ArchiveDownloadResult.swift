import ArchiveInspection
import ArchiveModel
import Foundation

/// A verified archive in place, and how it got there.
public struct ArchiveDownloadResult: Sendable, Equatable {
    /// Whether this run brought the bytes or found them already home.
    public enum Outcome: String, Sendable, Equatable {
        /// Downloaded and verified by this run.
        case downloaded
        /// Already in place and matching the manifest; left untouched.
        case alreadyPresent = "already_present"
    }

    /// The archive's path.
    public var file: URL
    /// Downloaded now, or already there.
    public var outcome: Outcome
    /// The manifest's record of the archive.
    public var entry: DownloadManifest.Entry
    /// What verification read, when this run read the file.
    public var report: ArchiveReport?
    /// How bumpy the way was.
    public var statistics: ArchiveDownloadStatistics
}
