/// One fault as the HTTP control endpoint takes it, e.g. `{"kind":"status","status":502,"path":"/orgs"}`.
struct FaultRequest: Decodable, Sendable {
    var kind: String
    var status: Int?
    var method: String?
    var path: String?
    var count: Int?
    var retryAfter: Int?
    var seconds: Double?
    var listener: Listener?
    var afterBytes: Int?
}

extension Fault {
    /// The fault a control request describes, or `nil` if the kind is unknown or a required value is missing.
    init?(_ request: FaultRequest) {
        let count = request.count ?? 1
        switch request.kind {
        case "status":
            guard let status = request.status else { return nil }
            self = .status(status, method: request.method, path: request.path, count: count)
        case "primaryRateLimit":
            self = .primaryRateLimit(count: count)
        case "secondaryRateLimit":
            self = .secondaryRateLimit(retryAfter: request.retryAfter, status: request.status ?? 403, count: count)
        case "stall":
            guard let seconds = request.seconds else { return nil }
            self = .stall(seconds: seconds, method: request.method, path: request.path, count: count)
        case "dropMidBody":
            self = .dropMidBody(
                method: request.method, path: request.path, listener: request.listener ?? .api,
                afterBytes: request.afterBytes, count: count)
        case "ignoreRange":
            self = .ignoreRange(path: request.path, count: count)
        default:
            return nil
        }
        if !["dropMidBody", "ignoreRange"].contains(request.kind), let listener = request.listener {
            self.listener = listener
        }
    }
}
