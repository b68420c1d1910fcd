import Foundation

/// An HTTPS server on a loopback port whose certificate nobody trusts: a fresh self-signed one for
/// `localhost`, made with `openssl req -x509`, served by Python's `http.server` wrapped in `ssl`.
///
/// Written by tools no one here wrote, so the TLS errors a test sees are those a real misconfigured
/// server causes, not values built by hand.
public final class SelfSignedTLSServer: Sendable {
    /// The port it listens on, on 127.0.0.1.
    public let port: Int
    private let processID: Int32
    private let exit: ProcessExit
    private let folder: TemporaryDirectory

    /// Python's server: handshake failures are `OSError`s that `socketserver` drops, so it keeps serving.
    private static let script = """
        import http.server, ssl, sys
        server = http.server.HTTPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(sys.argv[1], sys.argv[2])
        server.socket = context.wrap_socket(server.socket, server_side=True)
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """

    /// Makes the certificate and starts the server; returns once it listens.
    public init(timeout: Duration = .seconds(10)) async throws {
        folder = try TemporaryDirectory(prefix: "migdash-tls")
        let certificate = folder.path + "/cert.pem"
        let key = folder.path + "/key.pem"
        let made = try await ProcessRunner.run(
            try ProcessRunner.locate("openssl"),
            [
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
                "-subj", "/CN=localhost", "-keyout", key, "-out", certificate,
            ])
        guard made.status == 0 else {
            throw TestSupportError.commandFailed(
                command: "openssl req -x509", status: made.status, output: made.errorOutput)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try ProcessRunner.locate("python3"))
        process.arguments = ["-c", Self.script, certificate, key]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        exit = ProcessExit(watching: process)
        try process.run()
        processID = process.processIdentifier
        let output = PipeDrain(pipe.fileHandleForReading)
        let deadline = ContinuousClock.now.advanced(by: timeout)
        var found: Int?
        while found == nil {
            found = output.text.split(separator: "\n").first.flatMap { Int($0) }
            if found != nil { break }
            guard !exit.hasEnded, ContinuousClock.now < deadline else {
                kill(processID, SIGKILL)
                throw TestSupportError.outputTimeout(
                    waitingFor: "the TLS server's port", seconds: Double(timeout.components.seconds),
                    output: output.text)
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        port = found!
    }

    deinit { stop() }

    /// Ends the server. Safe to call more than once.
    ///
    /// SIGKILL, because `Process` starts the server from a worker thread whose signal mask blocks
    /// SIGTERM: the child inherits the mask, so a SIGTERM would wait for ever and the server outlive
    /// the tests.
    public func stop() {
        if !exit.hasEnded { kill(processID, SIGKILL) }
    }
}
