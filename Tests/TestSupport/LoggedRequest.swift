/// One entry of the simulator's request log (`GET /_simulator/requests`), as much as tests look at.
public struct LoggedRequest: Sendable, Decodable, Equatable {
    /// The HTTP method.
    public var method: String
    /// The path and query as sent.
    public var path: String
    /// The status the simulator answered.
    public var status: Int
    /// When the request arrived, in seconds since 1970 by the simulator's wall clock; nil from a log
    /// that does not say.
    public var receivedAt: Double?

    enum CodingKeys: String, CodingKey {
        case method, path, status
        case receivedAt = "received_at"
    }
}
