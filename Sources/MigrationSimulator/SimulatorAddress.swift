/// Where a started simulator listens.
public struct SimulatorAddress: Sendable, Equatable {
    /// Base URL of the API, such as `http://127.0.0.1:8080`, with no trailing slash.
    public let apiURL: String
    /// Base URL of the archive storage listener, with no trailing slash.
    public let storageURL: String

    /// An address from its two base URLs.
    public init(apiURL: String, storageURL: String) {
        self.apiURL = apiURL
        self.storageURL = storageURL
    }
}
