import Hummingbird
import NIOCore

/// Hummingbird's entry point for the API listener; everything else happens in plain Swift values.
///
/// One dispatcher instead of Hummingbird's router lets every answer (404s included) pass through the
/// same recording, fault, rate-limit and conditional-request steps, and serves both URL prefixes.
struct APIResponder: HTTPResponder {
    /// The simulator that answers.
    let simulator: Simulator

    /// Collects the body, answers, and converts back to Hummingbird's response.
    func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        let body = try await request.body.collect(upTo: 16 << 20)
        let ports = simulator.ports
        let incoming = APIRequest(
            method: request.method.rawValue,
            target: request.head.path ?? request.uri.string,
            headers: request.simulatorHeaders,
            body: Array(buffer: body),
            host: request.head.authority ?? "\(simulator.options.host):\(ports.api)",
            storagePort: ports.storage
        )
        return await simulator.answerAPI(incoming).hummingbird()
    }
}

extension Request {
    /// Headers keyed by lowercased name, with `host` restored from the request's authority.
    var simulatorHeaders: [String: String] {
        var headers = self.headers.lowercasedDictionary
        if let authority = head.authority { headers["host"] = authority }
        return headers
    }
}

extension HTTPFields {
    /// Headers keyed by lowercased name; repeated headers are joined with `, `.
    var lowercasedDictionary: [String: String] {
        var result: [String: String] = [:]
        for field in self {
            let name = field.name.canonicalName.lowercased()
            result[name] = result[name].map { "\($0), \(field.value)" } ?? field.value
        }
        return result
    }
}
