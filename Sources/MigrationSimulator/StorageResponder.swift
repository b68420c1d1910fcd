import Hummingbird
import NIOCore

/// Hummingbird's entry point for the storage listener, the stand-in for S3 that archive URLs point at.
struct StorageResponder: HTTPResponder {
    /// The simulator whose archives are served.
    let simulator: Simulator

    /// Reads (and ignores) any body, then answers from the archive store.
    func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        _ = try await request.body.collect(upTo: 1 << 20)
        let target = request.head.path ?? request.uri.string
        let response = await simulator.answerStorage(
            method: request.method.rawValue.uppercased(),
            target: target,
            headers: request.simulatorHeaders
        )
        return response.hummingbird()
    }
}
