/// Whether an import stores large files in Git LFS.
///
/// The docs' schema types `use_lfs` as a boolean while its prose and go-github use strings,
/// so both decode: `true` is `opt_in`, `false` is `opt_out`.
public enum LFSChoice: Sendable, Hashable, Codable {
    /// Store files over 100 MB in Git LFS.
    case optIn
    /// Leave large files out.
    case optOut
    /// Not chosen yet.
    case undecided
    /// A value this version does not know.
    case other(String)

    /// The wire value used by `PATCH /import/lfs`.
    public var rawValue: String {
        switch self {
        case .optIn: "opt_in"
        case .optOut: "opt_out"
        case .undecided: "undecided"
        case .other(let value): value
        }
    }

    /// Decodes a string or a boolean.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let flag = try? container.decode(Bool.self) {
            self = flag ? .optIn : .optOut
            return
        }
        switch try container.decode(String.self) {
        case "opt_in": self = .optIn
        case "opt_out": self = .optOut
        case "undecided": self = .undecided
        case let value: self = .other(value)
        }
    }

    /// Encodes the wire string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
