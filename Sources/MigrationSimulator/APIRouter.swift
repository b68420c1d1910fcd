import Foundation

/// Values captured from `:name` segments of a route pattern.
struct RouteParameters: Sendable {
    let values: [String: String]

    /// The captured segment `name` (empty if the pattern has none).
    subscript(_ name: String) -> String {
        values[name] ?? ""
    }
}

/// One API endpoint: a method, a pattern such as `/orgs/:org/migrations`, and its handler.
struct Route: Sendable {
    /// Answers a matched request at simulated time `now`.
    typealias Handler = @Sendable (Simulator, APIRequest, RouteParameters, Date) -> APIResponse

    let method: String
    let pattern: [String]
    let handler: Handler

    /// A route for `method` on `pattern`.
    init(_ method: String, _ pattern: String, _ handler: @escaping Handler) {
        self.method = method
        self.pattern = pattern.split(separator: "/").map(String.init)
        self.handler = handler
    }

    /// The captured parameters if `segments` fit the pattern.
    func match(_ segments: [String]) -> RouteParameters? {
        guard segments.count == pattern.count else { return nil }
        var values: [String: String] = [:]
        for (part, segment) in zip(pattern, segments) {
            if part.hasPrefix(":") {
                values[String(part.dropFirst())] = segment
            } else if part != segment {
                return nil
            }
        }
        return RouteParameters(values: values)
    }
}

/// The table of API endpoints, shared by the root and `/api/v3` prefixes.
enum APIRouter {
    /// Every endpoint, in match order.
    static let routes: [Route] =
        Simulator.accountRoutes + Simulator.migrationRoutes + Simulator.migrationArchiveRoutes
        + Simulator.importRoutes + Simulator.importDetailRoutes

    /// The handler's answer, or GitHub's 404 for anything unknown (wrong methods included, as GitHub does).
    static func answer(_ request: APIRequest, simulator: Simulator, now: Date) -> APIResponse {
        let method = request.method == "HEAD" ? "GET" : request.method
        for route in routes where route.method == method {
            if let parameters = route.match(request.segments) {
                return route.handler(simulator, request, parameters, now)
            }
        }
        return .notFound()
    }
}
