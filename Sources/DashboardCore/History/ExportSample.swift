/// A finished export measured exactly (migdash watched it start and finish): what estimates are made of.
public struct ExportSample: Sendable, Equatable {
    /// How many repositories it held.
    public var repositories: Int
    /// How long it took, in seconds.
    public var seconds: Double

    /// A sample.
    public init(repositories: Int, seconds: Double) {
        self.repositories = repositories
        self.seconds = seconds
    }
}
