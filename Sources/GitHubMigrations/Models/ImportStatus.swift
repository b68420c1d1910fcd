/// The status of a source import. GitHub lists sixteen values; anything else is kept verbatim.
public enum ImportStatus: Sendable, Hashable, Codable, CustomStringConvertible {
    /// A documented status.
    case known(Known)
    /// A status GitHub did not document when this was written.
    case unknown(String)

    /// The sixteen documented statuses.
    public enum Known: String, Sendable, CaseIterable {
        case auth, error, none, detecting, choose, importing, mapping, setup, unknown, pushing, complete
        case authFailed = "auth_failed"
        case waitingToPush = "waiting_to_push"
        case detectionFoundMultiple = "detection_found_multiple"
        case detectionFoundNothing = "detection_found_nothing"
        case detectionNeedsAuth = "detection_needs_auth"
    }

    /// Maps the wire value to a status, keeping unknown values.
    public init(rawValue: String) {
        self = Known(rawValue: rawValue).map(ImportStatus.known) ?? .unknown(rawValue)
    }

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .known(let known): known.rawValue
        case .unknown(let value): value
        }
    }

    /// True once the import succeeded.
    public var isComplete: Bool { self == .known(.complete) }

    /// True when the import stopped and needs the user: bad credentials, an error, or a choice to make.
    public var needsAttention: Bool {
        switch self {
        case .known(.authFailed), .known(.error), .known(.detectionFoundMultiple),
            .known(.detectionFoundNothing), .known(.detectionNeedsAuth), .known(.choose), .known(.auth):
            true
        default: false
        }
    }

    /// True while GitHub is working on the import.
    public var isActive: Bool { !isComplete && !needsAttention }

    /// The wire value.
    public var description: String { rawValue }

    /// Decodes any string, so a new status never fails the payload.
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the wire value.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
