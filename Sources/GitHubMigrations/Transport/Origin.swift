import Foundation

/// The scheme, host and port of a URL: the unit a token is scoped to.
struct Origin: Hashable, Sendable {
    let scheme: String
    let host: String
    let port: Int

    /// Parses an absolute http(s) URL; nil for anything else.
    init?(_ urlString: String) {
        guard let components = URLComponents(string: urlString), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host?.lowercased(), !host.isEmpty
        else { return nil }
        self.scheme = scheme
        self.host = host
        port = components.port ?? (scheme == "https" ? 443 : 80)
    }
}
