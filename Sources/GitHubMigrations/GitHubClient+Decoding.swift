import Foundation

extension GitHubClient {
    /// Sends a request and decodes its JSON body.
    func fetch<T: Decodable>(_ type: T.Type, _ request: APIRequest) async throws -> T {
        let response = try await send(request)
        return try GitHubJSON.decode(type, from: response.body, request: request.summary)
    }

    /// Sends a request whose success carries no body (204).
    func perform(_ request: APIRequest) async throws {
        _ = try await send(request)
    }

    /// Encodes a request body.
    func body(_ value: some Encodable) throws -> Data {
        try GitHubJSON.encoder().encode(value)
    }

    /// Collects every page of a list, following `Link: rel="next"` and never building page URLs.
    func fetchAll<T: Decodable>(_ type: T.Type, path: String, query: [(String, String)] = [], perPage: Int = 100)
        async throws -> [T]
    {
        let size = min(max(perPage, 1), 100)
        var request = APIRequest(method: .get, path: path, query: query + [("per_page", String(size))])
        var items: [T] = []
        var seen: Set<String> = []
        while true {
            let response = try await send(request)
            items += try GitHubJSON.decode([T].self, from: response.body, request: request.summary)
            guard let next = response.links.next, seen.insert(next).inserted else { return items }
            request = APIRequest(method: .get, path: next)
        }
    }
}
