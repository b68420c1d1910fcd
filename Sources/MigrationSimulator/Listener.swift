/// Which of the simulator's two listeners saw a request.
public enum Listener: String, Sendable, Codable {
    /// The GitHub REST API listener.
    case api
    /// The archive storage listener that signed archive URLs point at.
    case storage
}
