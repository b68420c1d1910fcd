/// A misbehaviour queued for the next matching requests, so clients can be tested against failure.
public struct Fault: Sendable, Equatable {
    /// What the simulator does to a request the fault hits.
    enum Kind: Sendable, Equatable {
        case status(Int)
        case primaryRateLimit
        case secondaryRateLimit(retryAfter: Int?, status: Int)
        case stall(seconds: Double)
        case dropMidBody(afterBytes: Int?)
        case ignoreRange
    }

    let kind: Kind
    /// HTTP method to match; `nil` matches any.
    let method: String?
    /// Substring of the request path (with query) to match; `nil` matches any.
    let path: String?
    var listener: Listener
    /// How many matching requests the fault still hits.
    var count: Int

    /// Answers with `code` (500, 502, 503 …) and a GitHub-style JSON error body (S3's XML on storage).
    public static func status(
        _ code: Int, method: String? = nil, path: String? = nil, listener: Listener = .api, count: Int = 1
    ) -> Fault {
        Fault(kind: .status(code), method: method, path: path, listener: listener, count: count)
    }

    /// Answers 403 with `x-ratelimit-remaining: 0`, a reset a minute ahead and GitHub's primary-limit message.
    public static func primaryRateLimit(count: Int = 1) -> Fault {
        Fault(kind: .primaryRateLimit, method: nil, path: nil, listener: .api, count: count)
    }

    /// Answers with GitHub's secondary-limit message, and `Retry-After` when `retryAfter` is given.
    public static func secondaryRateLimit(retryAfter: Int?, status: Int = 403, count: Int = 1) -> Fault {
        Fault(
            kind: .secondaryRateLimit(retryAfter: retryAfter, status: status),
            method: nil,
            path: nil,
            listener: .api,
            count: count
        )
    }

    /// Waits `seconds` of real time before answering normally; other connections are not held up.
    public static func stall(seconds: Double, method: String? = nil, path: String? = nil, count: Int = 1) -> Fault {
        Fault(kind: .stall(seconds: seconds), method: method, path: path, listener: .api, count: count)
    }

    /// Sends the full `Content-Length`, part of the body, then closes the connection.
    /// - Parameter afterBytes: how much of the body goes out before the cut; half of it when nil.
    public static func dropMidBody(
        method: String? = nil,
        path: String? = nil,
        listener: Listener = .api,
        afterBytes: Int? = nil,
        count: Int = 1
    ) -> Fault {
        Fault(kind: .dropMidBody(afterBytes: afterBytes), method: method, path: path, listener: listener, count: count)
    }

    /// Storage only: answers `200` with the whole archive even when the request asked for a `Range`,
    /// as a server or proxy without range support does.
    public static func ignoreRange(path: String? = nil, count: Int = 1) -> Fault {
        Fault(kind: .ignoreRange, method: nil, path: path, listener: .storage, count: count)
    }

    /// Whether this fault applies to a request.
    func matches(listener: Listener, method: String, target: String) -> Bool {
        guard count > 0, listener == self.listener else { return false }
        if let wanted = self.method, wanted.uppercased() != method.uppercased() { return false }
        if let fragment = path, !target.contains(fragment) { return false }
        return true
    }
}
