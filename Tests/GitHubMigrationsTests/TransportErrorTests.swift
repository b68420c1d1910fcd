import Foundation
import GitHubMigrations
import MigrationSimulator
import Synchronization
import TestSupport
import Testing

@Suite("Failures without an HTTP answer, produced over loopback, read as one line saying what and where")
struct TransportErrorTests {
    /// The error of one `GET /user` against `baseURL`, with no retries.
    private func failure(_ baseURL: String) async throws -> GitHubError? {
        var configuration = ClientConfiguration(baseURL: baseURL, token: "t")
        configuration.maxRetries = 0
        let client = GitHubClient(configuration: configuration)
        let error = await #expect(throws: GitHubError.self) { try await client.authenticatedUser() }
        try await client.shutdown()
        return error
    }

    /// A line a user reads: one line, no library type names or error numbers.
    private func isPlain(_ line: String) -> Bool {
        !line.contains("\n") && !["NIO", "BoringSSL", "Error:", "errno", "OPENSSL"].contains { line.contains($0) }
    }

    @Test("https to a plain-HTTP server says the server does not speak TLS")
    func plainHTTP() async throws {
        let simulator = Simulator(options: SimulatorOptions())
        let address = try await simulator.start()
        let port = try #require(URLComponents(string: address.apiURL)?.port)
        let error = try await failure("https://127.0.0.1:\(port)")
        #expect(error?.kind == .offline)
        #expect(
            error?.message == "TLS handshake with 127.0.0.1:\(port) failed: the server does not speak TLS (plain HTTP?)"
        )
        #expect(
            error?.userMessage
                == "Cannot reach the API: TLS handshake with 127.0.0.1:\(port) failed: the server does not speak TLS (plain HTTP?)."
        )
        await simulator.stop()
    }

    @Test("a self-signed certificate says the certificate is not trusted, by address and by name")
    func untrusted() async throws {
        let server = try await SelfSignedTLSServer()
        defer { server.stop() }
        for host in ["127.0.0.1", "localhost"] {
            let error = try await failure("https://\(host):\(server.port)/api/v3")
            #expect(error?.kind == .offline)
            #expect(
                error?.message == "TLS handshake with \(host):\(server.port) failed: the certificate is not trusted")
            #expect(isPlain(error?.userMessage ?? "\n"), "\(error?.userMessage ?? "")")
        }
    }

    @Test("an untrusted certificate is said at once: trying again cannot mend it, so there is no back-off")
    func untrustedNotRetried() async throws {
        let server = try await SelfSignedTLSServer()
        defer { server.stop() }
        let sleeps = Mutex<[Double]>([])
        var configuration = ClientConfiguration(baseURL: "https://127.0.0.1:\(server.port)", token: "t")
        configuration.sleep = { seconds in sleeps.withLock { $0.append(seconds) } }
        let client = GitHubClient(configuration: configuration)
        let error = await #expect(throws: GitHubError.self) { try await client.authenticatedUser() }
        try await client.shutdown()
        #expect(error?.message.contains("the certificate is not trusted") == true)
        #expect(sleeps.withLock { $0 }.isEmpty, "a TLS refusal is not retried: \(sleeps.withLock { $0 })")
    }

    @Test("a closed port and a name that does not resolve say so, with the place")
    func unreachable() async throws {
        // Bound but never listening: nothing answers there, and no other test can take it meanwhile.
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0
            }
        }
        try #require(bound)
        let port = Int(UInt16(bigEndian: address.sin_port))
        let refused = try await failure("http://127.0.0.1:\(port)")
        #expect(refused?.message == "connection to 127.0.0.1:\(port) refused")
        let unknown = try await failure("https://no-such-host.invalid/api/v3")
        #expect(unknown?.message == "the host name no-such-host.invalid does not resolve")
        #expect(isPlain(unknown?.userMessage ?? "\n"))
    }
}
