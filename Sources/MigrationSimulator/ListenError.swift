import Foundation
import NIOCore

/// Why a listener of the simulator could not start, as one line: `cannot listen on 127.0.0.1:8080:
/// the address is in use`, never the server library's dump.
public struct ListenError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The address asked for, as `HOST:PORT` (`[::1]:PORT` for IPv6).
    public var address: String
    /// What went wrong, in words.
    public var reason: String

    /// An error for `host` and `port` with `reason`.
    public init(host: String, port: Int, reason: String) {
        address = (host.contains(":") ? "[\(host)]" : host) + ":\(port)"
        self.reason = reason
    }

    /// Names a failure of the server library to bind `host:port` (the simulator's listeners, and
    /// `migdash watch`'s metrics server).
    public init(host: String, port: Int, error: any Error) {
        self.init(host: host, port: port, reason: Self.reason(error))
    }

    /// `cannot listen on HOST:PORT: reason`.
    public var description: String { "cannot listen on \(address): \(reason)" }

    private static func reason(_ error: any Error) -> String {
        if let error = error as? IOError { return reason(errno: error.errnoCode) }
        if error is SocketAddressError.UnknownHost { return "the host name does not resolve" }
        if let error = error as? SocketAddressError {
            if case .failedToParseIPString = error { return "that is not an IP address" }
            return "the address is not usable"
        }
        if error as? SimulatorError == .stoppedBeforeListening { return "the server stopped before it listened" }
        return "the server could not start"
    }

    private static func reason(errno: Int32) -> String {
        switch errno {
        case EADDRINUSE: return "the address is in use"
        case EACCES: return "permission denied (ports below 1024 need privileges)"
        case EADDRNOTAVAIL: return "no network interface of this machine has that address"
        default:
            let text = String(cString: strerror(errno))
            return text.prefix(1).lowercased() + text.dropFirst()
        }
    }
}
