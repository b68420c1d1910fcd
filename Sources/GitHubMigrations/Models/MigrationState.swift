/// Where a migration is in its life: GitHub documents four states; anything else is kept verbatim.
public enum MigrationState: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The migration has not started yet.
    case pending
    /// The archive is being generated.
    case exporting
    /// The archive is ready to download.
    case exported
    /// The migration failed.
    case failed
    /// A state GitHub did not document when this was written.
    case unknown(String)

    /// Maps the wire value to a state, keeping unknown values.
    public init(rawValue: String) {
        switch rawValue {
        case "pending": self = .pending
        case "exporting": self = .exporting
        case "exported": self = .exported
        case "failed": self = .failed
        default: self = .unknown(rawValue)
        }
    }

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .pending: "pending"
        case .exporting: "exporting"
        case .exported: "exported"
        case .failed: "failed"
        case .unknown(let value): value
        }
    }

    /// True while GitHub is still working on the migration.
    public var isActive: Bool { self == .pending || self == .exporting }

    /// True once the migration cannot change any more.
    public var isFinished: Bool { self == .exported || self == .failed }

    /// The wire value.
    public var description: String { rawValue }

    /// Decodes any string, so a new state never fails a whole list.
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the wire value.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
