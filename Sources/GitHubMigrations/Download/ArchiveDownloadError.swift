/// Why an archive did not arrive, as a stable code and one line a user reads.
public struct ArchiveDownloadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What stopped the download.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// The API refused or failed: no storage URL (not exported, deleted, expired, no permission …).
        case api
        /// Not enough free space for the rest of the archive; the partial file is kept.
        case diskFull = "disk_full"
        /// The storage host kept refusing or failing beyond the retry budget; the partial file is kept.
        case storageFailed = "storage_failed"
        /// The bytes arrived but are not a sound archive, twice over.
        case corruptArchive = "corrupt_archive"
        /// A file already has the archive's name but does not match the manifest; it was left alone.
        case existingArchiveDiffers = "existing_archive_differs"
        /// Another download of the same archive holds the partial file.
        case alreadyDownloading = "already_downloading"
        /// The download folder or a file in it could not be written.
        case fileSystem = "file_system"
        /// A login or guid from the server would not make a safe file name; nothing was written.
        case unsafeName = "unsafe_name"
        /// The verified archive is in place, but the manifest could not record it.
        case manifestNotUpdated = "manifest_not_updated"
    }

    /// What stopped the download.
    public var kind: Kind
    /// The particulars, in words.
    public var detail: String
    /// The API's error, for `api`.
    public var apiError: GitHubError?

    /// Creates an error.
    public init(_ kind: Kind, _ detail: String, apiError: GitHubError? = nil) {
        self.kind = kind
        self.detail = detail
        self.apiError = apiError
    }

    /// Wraps an API error.
    public static func api(_ error: GitHubError) -> ArchiveDownloadError {
        ArchiveDownloadError(.api, error.message, apiError: error)
    }

    /// A stable code for logs and tests, such as `disk_full`; the API error's own code for `api`.
    public var code: String {
        apiError?.code ?? kind.rawValue
    }

    /// The one line a user reads.
    public var userMessage: String {
        switch kind {
        case .api: apiError?.userMessage ?? detail
        case .diskFull: "Not enough disk space: \(detail). The partial download is kept; free space and run it again."
        case .storageFailed: "The archive storage kept failing: \(detail). The partial download is kept for a resume."
        case .corruptArchive: "The archive arrived corrupt twice: \(detail)."
        case .existingArchiveDiffers: "\(detail); it was left untouched. Move it away to download the archive again."
        case .alreadyDownloading: "Another migdash is downloading \(detail) right now."
        case .fileSystem: "Cannot write the archive: \(detail)."
        case .unsafeName: "Refused to download: \(detail)."
        case .manifestNotUpdated: "Archive saved, manifest not updated: \(detail)."
        }
    }

    /// Same as `userMessage`.
    public var description: String { userMessage }
}
