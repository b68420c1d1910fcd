/// Where the load of one migration's repository list stands.
public enum RepositoryLoad: Sendable, Equatable {
    /// Asked for; the answer has not come.
    case loading
    /// The load failed with this reason.
    case failed(String)
}
