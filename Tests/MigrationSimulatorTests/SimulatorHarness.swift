import AsyncHTTPClient
import Foundation
import MigrationSimulator
import NIOCore
import NIOHTTP1
import Testing

/// One HTTP response, read whole.
struct Reply: Sendable {
    let status: Int
    let headers: HTTPHeaders
    let body: [UInt8]

    /// The first value of header `name`.
    func header(_ name: String) -> String? {
        headers.first(name: name)
    }

    /// The body as UTF-8 text.
    var text: String {
        String(decoding: body, as: UTF8.self)
    }

    /// The body as a JSON object.
    func object() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])
    }

    /// The body as a JSON array of objects.
    func array() throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [[String: Any]])
    }
}

/// A started simulator and a client that does not follow redirects, so tests can read a 302.
struct Harness: Sendable {
    let simulator: Simulator
    let client: HTTPClient
    let address: SimulatorAddress

    /// Sends a request to a path on the API (or to an absolute URL), with the default token unless `token` is nil.
    func send(
        _ method: HTTPMethod, _ path: String, json body: String? = nil, token: String? = SimulatorOptions.defaultToken,
        headers: [(String, String)] = []
    ) async throws -> Reply {
        let url = path.hasPrefix("http") ? path : address.apiURL + path
        var request = HTTPClientRequest(url: url)
        request.method = method
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await client.execute(request, timeout: .seconds(10))
        let bytes = try await response.body.collect(upTo: 64 << 20)
        return Reply(status: Int(response.status.code), headers: response.headers, body: Array(buffer: bytes))
    }

    /// An authenticated GET.
    func get(_ path: String, headers: [(String, String)] = []) async throws -> Reply {
        try await send(.GET, path, headers: headers)
    }

    /// Starts an organization migration of `repositories` and returns its id.
    func startOrgMigration(_ repositories: [String], extra: String = "") async throws -> Int {
        let names = repositories.map { "\"\($0)\"" }.joined(separator: ",")
        let reply = try await send(.POST, "/orgs/octo-org/migrations", json: "{\"repositories\":[\(names)]\(extra)}")
        guard reply.status == 201, let id = try reply.object()["id"] as? Int else {
            throw HarnessError.unexpected(reply.status, reply.text)
        }
        return id
    }

    /// The storage URL GitHub redirects to for an exported migration's archive.
    func archiveURL(_ migrationPath: String) async throws -> String {
        let reply = try await get(migrationPath + "/archive")
        guard reply.status == 302, let location = reply.header("location") else {
            throw HarnessError.unexpected(reply.status, reply.text)
        }
        return location
    }
}

/// A response the harness did not expect.
enum HarnessError: Error {
    case unexpected(Int, String)
}

/// Runs `body` against a fresh simulator; the client and the simulator are shut down on every path.
func withSimulator(
    _ options: SimulatorOptions = SimulatorOptions(), _ body: (Harness) async throws -> Void
) async throws {
    var options = options
    options.frozenClock = true
    let simulator = Simulator(options: options)
    let address = try await simulator.start()
    let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(redirectConfiguration: .disallow))
    do {
        try await body(Harness(simulator: simulator, client: client, address: address))
    } catch {
        try await client.shutdown()
        await simulator.stop()
        throw error
    }
    try await client.shutdown()
    await simulator.stop()
}

/// Options for a quiet world: no seeded migrations or imports.
func emptyWorld(_ configure: (inout SimulatorOptions) -> Void = { _ in }) -> SimulatorOptions {
    var options = SimulatorOptions()
    options.seedWorld = false
    configure(&options)
    return options
}
