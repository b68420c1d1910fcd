import Foundation
import Synchronization

/// Every request both listeners answered, in the order their answers were decided.
final class RequestLog: Sendable {
    private let entries = Mutex<[RecordedRequest]>([])

    /// All recorded requests so far.
    var all: [RecordedRequest] { entries.withLock { $0 } }

    /// Records a request that arrived at `received`, redacting its credentials.
    func record(
        listener: Listener, method: String, target: String, headers: [String: String], status: Int, received: Date
    ) {
        var redacted = headers
        if redacted["authorization"] != nil { redacted["authorization"] = "<redacted>" }
        let entry = RecordedRequest(
            listener: listener, method: method, path: target, headers: redacted, status: status,
            receivedAt: received.timeIntervalSince1970)
        entries.withLock { $0.append(entry) }
    }

    /// Forgets every recorded request.
    func clear() {
        entries.withLock { $0.removeAll() }
    }
}
