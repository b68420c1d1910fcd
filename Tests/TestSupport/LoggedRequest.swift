/// One entry of the simulator's request log (`GET /_simulator/requests`), as much as tests look at.
public struct LoggedRequest: Sendable, Decodable, Equatable {
    /// The HTTP method.
    public var method: String
    /// The path and query as sent.
    public var path: String
    /// The status the simulator answered.
    public var status: Int
}
