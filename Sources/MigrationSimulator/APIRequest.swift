import Foundation

/// A request reduced to what the simulated API needs, independent of the HTTP server.
struct APIRequest: Sendable {
    let method: String
    /// Path and query exactly as sent, prefix included.
    let target: String
    /// `""` for github.com style, `/api/v3` for Enterprise Server style.
    let prefix: String
    /// Percent-decoded path segments after the prefix.
    let segments: [String]
    let query: QueryItems
    /// Headers with lowercased names; repeated headers joined with `, `.
    let headers: [String: String]
    let body: [UInt8]
    /// URLs to answer with, built from the `Host` the client used.
    let base: URLBase
    /// `scheme://host:port` of the storage listener, as seen from this client.
    let storageOrigin: String

    /// A request from its raw parts; `host` is the `Host` header or the listener's own address.
    init(
        method: String, target: String, headers: [String: String], body: [UInt8], host: String,
        storagePort: Int
    ) {
        self.method = method.uppercased()
        self.target = target
        self.headers = headers
        self.body = body
        let pathPart = String(target.prefix { $0 != "?" })
        let queryPart = target.firstIndex(of: "?").map { String(target[target.index(after: $0)...]) }
        query = QueryItems(queryPart)
        let isEnterprise = pathPart == "/api/v3" || pathPart.hasPrefix("/api/v3/")
        prefix = isEnterprise ? "/api/v3" : ""
        let rest = isEnterprise ? String(pathPart.dropFirst(7)) : pathPart
        segments = rest.split(separator: "/").map { String($0).removingPercentEncoding ?? String($0) }
        let origin = "http://" + host
        base = URLBase(api: origin + prefix, web: origin)
        storageOrigin = "http://" + Self.hostname(of: host) + ":\(storagePort)"
    }

    /// The path after the prefix, rebuilt from its segments.
    var path: String {
        "/" + segments.joined(separator: "/")
    }

    /// The host name without port, bracketed for IPv6 as it appeared.
    static func hostname(of host: String) -> String {
        if host.hasPrefix("["), let close = host.firstIndex(of: "]") { return String(host[...close]) }
        return String(host.prefix { $0 != ":" })
    }
}
