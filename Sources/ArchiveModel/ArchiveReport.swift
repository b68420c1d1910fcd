/// What a migration archive holds, read as a stream without extracting it.
///
/// Counts cover what was read before any problem, so a truncated archive still shows what arrived.
public struct ArchiveReport: Sendable, Equatable, Codable {
    /// One kind of JSON record file, such as `issues` from `issues_000001.json` and its siblings.
    public struct Kind: Sendable, Equatable, Codable {
        /// The kind, such as `pull_requests`.
        public var name: String
        /// How many numbered files hold it.
        public var files: Int
        /// Records across those files; nil when a file was not a JSON array.
        public var records: Int?
        /// Uncompressed bytes of those files.
        public var bytes: Int64

        /// A kind and its tally.
        public init(name: String, files: Int, records: Int?, bytes: Int64) {
            self.name = name
            self.files = files
            self.records = records
            self.bytes = bytes
        }
    }

    /// A repository's Git data under `repositories/OWNER/NAME.git/`.
    public struct Repository: Sendable, Equatable, Codable {
        /// `OWNER/NAME` (a wiki keeps its `.wiki` suffix).
        public var name: String
        /// Files of the bare repository.
        public var files: Int
        /// Their uncompressed bytes.
        public var bytes: Int64

        /// A repository and its tally.
        public init(name: String, files: Int, bytes: Int64) {
            self.name = name
            self.files = files
            self.bytes = bytes
        }
    }

    /// A count of files and their bytes.
    public struct Files: Sendable, Equatable, Codable {
        /// How many.
        public var count = 0
        /// Uncompressed bytes.
        public var bytes: Int64 = 0

        /// A tally of `count` files of `bytes` in all.
        public init(count: Int = 0, bytes: Int64 = 0) {
            self.count = count
            self.bytes = bytes
        }

        /// Adds one file.
        public mutating func add(_ size: Int64) {
            count += 1
            bytes = ByteCount.sum(bytes, size)
        }
    }

    /// The file's name, without its directory.
    public var file: String
    /// The file's size on disk.
    public var compressedBytes: Int64 = 0
    /// Bytes of tar after inflating.
    public var uncompressedBytes: Int64 = 0
    /// SHA-256 of the file, lowercase hex; nil unless the whole file was read.
    public var sha256: String?
    /// Tar entries read, directories included.
    public var entries = 0
    /// `version` from `schema.json`; nil when the archive has none.
    public var schemaVersion: String?
    /// The JSON record kinds, by name.
    public var kinds: [Kind] = []
    /// The repositories, by name.
    public var repositories: [Repository] = []
    /// Files under `attachments/`.
    public var attachments = Files()
    /// Every other file (release assets, CSV logs, …).
    public var otherFiles = Files()
    /// Whether the archive read whole.
    public var verdict: ArchiveVerdict = .intact

    /// An empty report for a file.
    public init(file: String) {
        self.file = file
    }

    /// The record count of a kind, when present and readable.
    public func records(of kind: String) -> Int? {
        kinds.first { $0.name == kind }?.records
    }
}
