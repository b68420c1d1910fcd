import Foundation

/// An API root as a user gave it, checked and spelled one way, with the host its token belongs to.
///
/// Every comparison of hosts goes through this spelling, so `https://API.github.com.:443/` is
/// github.com's API (and gets github.com's token), and a look-alike such as
/// `https://api.github.com.example.net` is not.
public struct APIRoot: Sendable, Equatable {
    /// The root: scheme and host lower-cased, no default port, no trailing slash or dot
    /// (`https://api.github.com`, `https://ghe.example.com/api/v3`).
    public let url: String
    /// Where the token may go: the root's scheme, host and port.
    public let origin: Origin

    /// github.com's API root.
    public static let github = APIRoot(checked: ClientConfiguration.defaultBaseURL)

    /// Parses and checks a root: http or https, a plain host, no user name or password, no query or fragment.
    public init(parsing text: String) throws(APIRootError) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let components = URLComponents(string: trimmed),
            let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https"
        else { throw .notHTTP }
        // `https://api.github.com@evil.example` is evil.example with a user name: never a token's place.
        guard components.percentEncodedUser == nil, components.percentEncodedPassword == nil else {
            throw .credentials
        }
        guard let host = components.percentEncodedHost, !host.isEmpty else { throw .noHost }
        guard components.percentEncodedQuery == nil, components.percentEncodedFragment == nil else {
            throw .queryOrFragment
        }
        guard let origin = Origin(components) else { throw .encodedHost }
        var path = components.percentEncodedPath
        while path.hasSuffix("/") { path.removeLast() }
        self.origin = origin
        url = origin.description + path
    }

    /// The root of a host as `GH_HOST` and `--hostname` name one (see `ClientConfiguration.baseURL(forHost:)`).
    public init(host: String) throws(APIRootError) {
        try self.init(parsing: ClientConfiguration.baseURL(forHost: host))
    }

    /// A root known to be valid.
    private init(checked text: String) {
        // Only for constants of this package; a failure here is a programming error.
        try! self.init(parsing: text)
    }

    /// The host a token is for, as the GitHub CLI names hosts (`GH_HOST`, `hosts.yml`): `github.com`
    /// for github.com's API, `NAME.ghe.com` for GHE.com's `api.NAME.ghe.com`, else the root's host.
    public var tokenHost: String {
        let host = origin.host
        if host == "api.github.com" { return "github.com" }
        if host.hasPrefix("api."), host.hasSuffix(".ghe.com") { return String(host.dropFirst(4)) }
        return host
    }

    /// True where the GitHub CLI sends `GH_TOKEN`: github.com and GHE.com's `NAME.ghe.com`; every
    /// other host is an Enterprise Server host and gets `GH_ENTERPRISE_TOKEN`.
    public var takesGitHubDotComTokens: Bool {
        tokenHost == "github.com" || tokenHost.hasSuffix(".ghe.com")
    }
}

/// Why text is not a usable API root.
public enum APIRootError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Not an http or https URL.
    case notHTTP
    /// No host after the scheme.
    case noHost
    /// A user name or password in the URL.
    case credentials
    /// A query or a fragment, which a root has no use for.
    case queryOrFragment
    /// A percent-encoded host, whose meaning depends on who decodes it.
    case encodedHost

    /// The reason in words, to follow the URL in a sentence.
    public var description: String {
        switch self {
        case .notHTTP: "is not an http or https URL"
        case .noHost: "names no host"
        case .credentials:
            "must not carry a user name or password; give the token with GH_TOKEN, --token-file or --token -"
        case .queryOrFragment: "must not have a query or fragment"
        case .encodedHost: "has a percent-encoded host name"
        }
    }
}
