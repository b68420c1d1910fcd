import Hummingbird
import Logging
import NIOCore

/// The running listeners of a simulator.
struct ServerHandles: Sendable {
    var tasks: [Task<Void, Never>] = []
    var apiPort = 0
    var storagePort = 0
    var address: SimulatorAddress?
}

extension Simulator {
    /// Starts both listeners; returns once they accept connections.
    /// - Throws: `ListenError` naming the address that could not be bound and why.
    public func start() async throws -> SimulatorAddress {
        if let running = server.withLock({ $0.address }) { return running }
        let storage = try await launch(StorageResponder(simulator: self), port: options.storagePort, name: "AmazonS3")
        server.withLock {
            $0.storagePort = storage.port
            $0.tasks.append(storage.task)
        }
        do {
            let api = try await launch(APIResponder(simulator: self), port: options.port, name: "GitHub.com")
            let host = options.host.contains(":") ? "[\(options.host)]" : options.host
            let address = SimulatorAddress(
                apiURL: "http://\(host):\(api.port)",
                storageURL: "http://\(host):\(storage.port)"
            )
            server.withLock {
                $0.apiPort = api.port
                $0.tasks.append(api.task)
                $0.address = address
            }
            return address
        } catch {
            await stop()
            throw error
        }
    }

    /// Shuts both listeners down; calling it again does nothing.
    public func stop() async {
        let tasks = server.withLock { handles -> [Task<Void, Never>] in
            defer { handles = ServerHandles() }
            return handles.tasks
        }
        for task in tasks { task.cancel() }
        for task in tasks { await task.value }
    }

    /// The ports the listeners are bound to (0 before `start()`).
    var ports: (api: Int, storage: Int) {
        server.withLock { ($0.apiPort, $0.storagePort) }
    }

    private func launch(
        _ responder: some HTTPResponder<BasicRequestContext>,
        port: Int,
        name: String
    ) async throws -> (port: Int, task: Task<Void, Never>) {
        let signal = StartupSignal()
        let app = Application(
            responder: responder,
            configuration: .init(address: .hostname(options.host, port: port), serverName: name),
            onServerRunning: { channel in signal.resolve(.success(channel.localAddress?.port ?? port)) },
            // The dashboard owns the terminal: the simulator must never print.
            logger: Logger(label: "migdash.simulator") { _ in SwiftLogNoOpLogHandler() }
        )
        let task = Task {
            do {
                // The dashboard owns signal handling, so the server must not install any.
                try await app.runService(gracefulShutdownSignals: [])
                signal.resolve(.failure(SimulatorError.stoppedBeforeListening))
            } catch {
                signal.resolve(.failure(error))
            }
        }
        do {
            return (try await signal.wait(), task)
        } catch {
            task.cancel()
            // One line for the user (`cannot listen on 127.0.0.1:8080: the address is in use`).
            throw ListenError(host: options.host, port: port, error: error)
        }
    }
}
