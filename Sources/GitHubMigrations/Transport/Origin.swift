import Foundation

/// The scheme, host and port of a URL: the unit a token is scoped to.
///
/// Two spellings of one server are one origin: the scheme and host are compared without regard to
/// case, a host's trailing dot (the DNS root) is dropped, and a port that is the scheme's default is
/// the same as none. So `https://API.github.com.:443/` is github.com's API, never another host.
public struct Origin: Hashable, Sendable, CustomStringConvertible {
    /// `http` or `https`.
    public let scheme: String
    /// The host: lower-cased, without a trailing dot; an IPv6 address without its brackets.
    public let host: String
    /// The port; the scheme's default when the URL names none.
    public let port: Int

    /// Parses an absolute http(s) URL; nil for anything else.
    public init?(_ urlString: String) {
        guard let components = URLComponents(string: urlString) else { return nil }
        self.init(components)
    }

    /// The origin of parsed URL components; nil unless http(s) with a plain host.
    init?(_ components: URLComponents) {
        guard let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let encoded = components.percentEncodedHost, !encoded.contains("%"),
            let host = components.host.map(Self.normalizedHost), !host.isEmpty
        else { return nil }
        // A percent-encoded host is refused above: what it decodes to and what a resolver is asked
        // for need not be the same name, and a token's scope must not depend on which one wins.
        self.scheme = scheme
        self.host = host
        port = components.port ?? Self.defaultPort(of: scheme)
    }

    /// `scheme://host[:port]`, the port only when it is not the scheme's default, IPv6 in brackets.
    public var description: String {
        let name = host.contains(":") ? "[\(host)]" : host
        return port == Self.defaultPort(of: scheme) ? "\(scheme)://\(name)" : "\(scheme)://\(name):\(port)"
    }

    /// True for this machine: `localhost`, 127.0.0.0/8, `::1` (and 127.0.0.0/8 mapped into IPv6).
    /// Traffic to these never leaves the machine, so plain HTTP to them exposes nothing on a network.
    public var isLoopback: Bool {
        if host == "localhost" { return true }
        var v4 = in_addr()
        if inet_pton(AF_INET, host, &v4) == 1 { return withUnsafeBytes(of: &v4) { $0.first } == 127 }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, host, &v6) == 1 else { return false }
        let bytes = withUnsafeBytes(of: &v6) { Array($0) }
        let loopback = bytes.prefix(15).allSatisfy { $0 == 0 } && bytes[15] == 1
        let mapped = bytes.prefix(10).allSatisfy { $0 == 0 } && bytes[10] == 0xFF && bytes[11] == 0xFF
        return loopback || (mapped && bytes[12] == 127)
    }

    /// A host name as DNS compares it: lower-cased, brackets and trailing dots dropped.
    static func normalizedHost(_ host: String) -> String {
        var bare = host.lowercased()
        if bare.hasPrefix("["), bare.hasSuffix("]") { bare = String(bare.dropFirst().dropLast()) }
        while bare.hasSuffix(".") { bare.removeLast() }
        return bare
    }

    /// 443 for https, 80 for http.
    private static func defaultPort(of scheme: String) -> Int { scheme == "https" ? 443 : 80 }
}
