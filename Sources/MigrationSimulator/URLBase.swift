/// The absolute URL prefixes of one request, so every URL in a response points back where the client called.
struct URLBase: Sendable, Equatable {
    /// `scheme://host:port` plus the API prefix (`""` or `/api/v3`).
    let api: String
    /// `scheme://host:port`, where web pages (`html_url`) live.
    let web: String

    /// The API URL of a path that starts with `/`.
    func api(_ path: String) -> String { api + path }

    /// The web URL of a path that starts with `/`.
    func web(_ path: String) -> String { web + path }
}
