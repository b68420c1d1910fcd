/// A file that could not be read at all; problems with its contents are a verdict, not an error.
public struct ArchiveInspectionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What stopped the read.
    public enum Kind: String, Sendable, Equatable {
        /// The file does not exist or cannot be opened.
        case unreadable = "archive_unreadable"
        /// A read from the file failed part-way.
        case readFailed = "archive_read_failed"
        /// zlib could not start.
        case libraryFailed = "archive_library_failed"
    }

    /// What stopped the read.
    public var kind: Kind
    /// The file.
    public var path: String
    /// The system's or the library's words.
    public var detail: String

    /// Creates an error.
    public init(_ kind: Kind, path: String, detail: String) {
        self.kind = kind
        self.path = path
        self.detail = detail
    }

    /// A stable code for logs and tests.
    public var code: String { kind.rawValue }

    /// The one line a user reads.
    public var userMessage: String {
        switch kind {
        case .unreadable: "Cannot open \(path): \(detail)."
        case .readFailed: "Reading \(path) failed: \(detail)."
        case .libraryFailed: "Cannot read archives here: \(detail)."
        }
    }

    /// Same as `userMessage`.
    public var description: String { userMessage }
}
