import Foundation
import Hummingbird
import Logging
import MigrationSimulator
import NIOCore

/// Serves `/metrics` for Prometheus to scrape (`migdash watch --metrics-listen HOST:PORT`), and nothing
/// else: every other path is 404.
final class MetricsServer: Sendable {
    private let task: Task<Void, Never>
    /// The port bound (the one asked for, or the one the system chose for port 0).
    let port: Int

    /// Starts listening; returns once the server accepts connections.
    /// - Throws: `ListenError`: why the address could not be bound, in words.
    init(host: String, port: Int, board: MetricsBoard) async throws {
        let router = Router()
        router.get("metrics") { _, _ -> Response in
            let body = await board.scrape()
            return Response(
                status: .ok,
                headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
        }
        let signal = StartupSignal()
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: "migdash"),
            onServerRunning: { channel in signal.resolve(.success(channel.localAddress?.port ?? port)) },
            // Standard error is the watch's: the server must not print.
            logger: Logger(label: "migdash.metrics") { _ in SwiftLogNoOpLogHandler() }
        )
        task = Task {
            do {
                // The watch owns signal handling, so the server must not install any.
                try await app.runService(gracefulShutdownSignals: [])
                signal.resolve(
                    .failure(ListenError(host: host, port: port, reason: "the server stopped before it listened")))
            } catch {
                signal.resolve(.failure(error))
            }
        }
        do {
            self.port = try await signal.wait()
        } catch {
            task.cancel()
            throw error as? ListenError ?? ListenError(host: host, port: port, error: error)
        }
    }

    /// Stops listening.
    func stop() async {
        task.cancel()
        await task.value
    }
}
