import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix
import NIOSSL

extension GitHubError {
    /// A failure that brought no HTTP answer (connecting, TLS, a cut, a time-out) as one line saying
    /// what failed and where, e.g. `TLS handshake with 127.0.0.1:8443 failed: the certificate is not
    /// trusted`, instead of the network library's dump.
    /// - Parameter url: the URL the request went to; its host and port name the place.
    public static func transport(_ error: any Error, request: String, url: String?) -> GitHubError {
        if let error = error as? GitHubError { return error }
        let place = url.flatMap(Self.place(of:)) ?? "the server"
        let (kind, message) = describe(error, place: place)
        return GitHubError(kind: kind, message: message, request: request)
    }

    /// True for a failure that trying again cannot mend: a TLS handshake refused (an untrusted
    /// certificate, plain HTTP on the other side, another host's name), a host name that does not
    /// resolve, an unusable URL. Retrying those only delays the one line that says so.
    public static func isPermanentTransportFailure(_ error: any Error) -> Bool {
        switch error {
        case is NIOSSLError, is NIOSSLExtraError, is SocketAddressError.UnknownHost: return true
        case let error as HTTPClientError: return [.invalidURL, .emptyHost, .emptyScheme].contains(error)
        default: return false
        }
    }

    /// `HOST:PORT` of a URL, with the scheme's default port when it names none.
    static func place(of url: String) -> String? {
        guard let components = URLComponents(string: url), let host = components.host, !host.isEmpty else {
            return nil
        }
        let port = components.port ?? (components.scheme?.lowercased() == "https" ? 443 : 80)
        return (host.contains(":") ? "[\(host)]" : host) + ":\(port)"
    }

    private static func describe(_ error: any Error, place: String) -> (Kind, String) {
        switch error {
        case let error as ExchangeDeadlineExceeded:
            return (.timeout, "no whole answer from \(place) within \(error.limit.components.seconds) s")
        case let error as HTTPClientError:
            return describe(error, place: place)
        case let error as NIOSSLError:
            return (.offline, tls(error, place: place))
        case let error as NIOSSLExtraError
        where error == .failedToValidateHostname || error == .serverHostnameImpossibleToMatch:
            return (.offline, "TLS handshake with \(place) failed: the certificate is for another host name")
        case is NIOSSLExtraError:
            return (.offline, "TLS handshake with \(place) failed")
        case let error as NIOConnectionError:
            return (.offline, connection(error, place: place))
        case let error as IOError:
            return (.offline, socket(error.errnoCode, place: place))
        case is SocketAddressError.UnknownHost:
            return (.offline, unresolved(place))
        case let error as ChannelError:
            if case .connectTimeout = error { return (.timeout, "connecting to \(place) timed out") }
            return (.offline, "the connection to \(place) closed")
        case is NIOTooManyBytesError:
            return (.malformedResponse, "the response from \(place) was too large")
        default:
            return (.offline, "the connection to \(place) failed")
        }
    }

    private static func describe(_ error: HTTPClientError, place: String) -> (Kind, String) {
        switch error {
        case .deadlineExceeded, .readTimeout, .writeTimeout:
            return (.timeout, "no answer in time from \(place)")
        case .connectTimeout:
            return (.timeout, "connecting to \(place) timed out")
        case .tlsHandshakeTimeout:
            return (.timeout, "TLS handshake with \(place) timed out")
        case .remoteConnectionClosed:
            return (.offline, "\(place) closed the connection mid-response")
        case .invalidURL, .emptyHost, .emptyScheme:
            return (.offline, "the API URL is not usable")
        default:
            return (.offline, "the connection to \(place) failed")
        }
    }

    /// BoringSSL's reason, said plainly: it is the last word of `error:…:SSL routines:OPENSSL_internal:REASON`.
    private static func tls(_ error: NIOSSLError, place: String) -> String {
        switch error {
        case .handshakeFailed(.sslError(let stack)), .handshakeFailed(.unknownError(let stack)):
            return "TLS handshake with \(place) failed: " + reason(stack.map(\.description))
        case .handshakeFailed:
            return "TLS handshake with \(place) failed"
        case .uncleanShutdown:
            return "\(place) ended the TLS connection without closing it"
        default:
            return "TLS with \(place) failed"
        }
    }

    /// The first BoringSSL reason code in `descriptions`, in words.
    static func reason(_ descriptions: [String]) -> String {
        let codes = descriptions.compactMap { text -> String? in
            guard let range = text.range(of: "OPENSSL_internal:") else { return nil }
            return String(text[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" })
        }
        guard let code = codes.first else { return "the server and migdash could not agree" }
        switch code {
        case "CERTIFICATE_VERIFY_FAILED": return "the certificate is not trusted"
        case "WRONG_VERSION_NUMBER", "HTTP_REQUEST", "PACKET_LENGTH_TOO_LONG", "RECORD_TOO_LARGE":
            return "the server does not speak TLS (plain HTTP?)"
        case "UNSUPPORTED_PROTOCOL", "TLSV1_ALERT_PROTOCOL_VERSION":
            return "no TLS version both sides accept"
        case "SSLV3_ALERT_HANDSHAKE_FAILURE", "NO_SHARED_CIPHER":
            return "no cipher both sides accept"
        default:
            return code.lowercased().replacingOccurrences(of: "_", with: " ")
        }
    }

    private static func connection(_ error: NIOConnectionError, place: String) -> String {
        if let failure = error.connectionErrors.first, let io = failure.error as? IOError {
            return socket(io.errnoCode, place: place)
        }
        if error.connectionErrors.isEmpty, error.dnsAError != nil || error.dnsAAAAError != nil {
            return unresolved(place)
        }
        return "cannot connect to \(place)"
    }

    /// `the host name ghe.example.com does not resolve`: the port is no part of a name lookup.
    private static func unresolved(_ place: String) -> String {
        let host = place.hasPrefix("[") ? place : String(place[..<(place.lastIndex(of: ":") ?? place.endIndex)])
        return "the host name \(host) does not resolve"
    }

    private static func socket(_ number: Int32, place: String) -> String {
        switch number {
        case ECONNREFUSED: return "connection to \(place) refused"
        case ECONNRESET, EPIPE: return "\(place) reset the connection"
        case ETIMEDOUT: return "connecting to \(place) timed out"
        case EHOSTUNREACH, ENETUNREACH: return "no route to \(place)"
        default:
            let text = String(cString: strerror(number))
            return "the connection to \(place) failed: " + text.prefix(1).lowercased() + text.dropFirst()
        }
    }
}
