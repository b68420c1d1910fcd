import Foundation

/// One call to make: method, path relative to the API root (or a `Link` URL), query and body.
struct APIRequest: Sendable {
    /// HTTP methods the Migrations API uses.
    enum Method: String, Sendable {
        case get = "GET", post = "POST", put = "PUT", patch = "PATCH", delete = "DELETE"

        /// Methods safe to repeat after an unknown outcome.
        var isIdempotent: Bool { self == .get || self == .delete }
    }

    var method: Method
    /// A path under the API root, or an absolute URL taken from a `Link` header.
    var path: String
    var query: [(String, String)] = []
    var body: Data?
    /// When false, a redirect is returned to the caller instead of followed.
    var followRedirects = true
    /// When false, the cache keeps only the validators and headers of a 200, not its body: the caller
    /// handles "unchanged" itself (a list page the dashboard already holds), so a 304 is returned with
    /// an empty body and `fromCache`, and a hundred pages of history cost no memory here.
    var cachesBody = true

    /// `METHOD /path`, for messages: no query, no host, no credentials.
    var summary: String {
        var relative = path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? path
        // Plain string work rather than a regex: this runs for every request, and the regex engine
        // would be the only reason a `migdash download` process maps it.
        for scheme in ["https://", "http://"] where relative.hasPrefix(scheme) {
            let rest = relative.dropFirst(scheme.count)
            relative = rest.firstIndex(of: "/").map { String(rest[$0...]) } ?? ""
        }
        return "\(method.rawValue) \(relative)"
    }
}

/// What came back: status, headers and the whole body.
struct APIResponse: Sendable {
    var status: Int
    var headers: ResponseHeaders
    var body: Data
    /// True when the body is the cached copy of a 304.
    var fromCache = false

    /// The parsed `Link` header.
    var links: LinkHeader { LinkHeader(headers.first("link")) }
}
