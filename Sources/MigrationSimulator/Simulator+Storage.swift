import Foundation
import NIOCore

extension Simulator {
    /// Answers the storage listener the way S3 answers a presigned GET: XML errors, ranges, strong ETag.
    func answerStorage(method: String, target: String, headers: [String: String]) async -> OutgoingResponse {
        let received = Date()
        var dropBody = false
        var dropAfter: Int?
        var response: OutgoingResponse
        switch faults.take(listener: .storage, method: method, target: target) {
        case .stall(let seconds)?:
            try? await Task.sleep(for: .seconds(seconds))
            response = storageResponse(method: method, target: target, headers: headers)
        case .dropMidBody(let afterBytes)?:
            dropBody = true
            dropAfter = afterBytes
            response = storageResponse(method: method, target: target, headers: headers)
        case .ignoreRange?:
            response = storageResponse(
                method: method, target: target, headers: headers.filter { !["range", "if-range"].contains($0.key) })
        case .status(let code)?:
            response = storageError(code, "InternalError", "We encountered an internal error. Please try again.")
        case .primaryRateLimit?, .secondaryRateLimit?:
            response = storageError(503, "SlowDown", "Please reduce your request rate.")
        case nil:
            response = storageResponse(method: method, target: target, headers: headers)
        }
        response.dropMidBody = dropBody
        response.dropAfterBytes = dropAfter
        response.bytesPerSecond = options.storageBytesPerSecond
        response.headers += [("x-amz-request-id", requestIDs.next().replacingOccurrences(of: ":", with: ""))]
        log.record(
            listener: .storage, method: method, target: target, headers: headers, status: response.status,
            received: received)
        return response
    }

    private func storageResponse(method: String, target: String, headers: [String: String]) -> OutgoingResponse {
        if headers["authorization"] != nil {
            return storageError(
                400, "InvalidArgument",
                "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query "
                    + "string parameter or the Authorization header should be specified")
        }
        let path = String(target.prefix { $0 != "?" })
        let query = QueryItems(target.firstIndex(of: "?").map { String(target[target.index(after: $0)...]) })
        let parts = path.split(separator: "/").map(String.init)
        guard parts.count == 3, parts[0] == "migration", let id = Int(parts[1]), parts[2].hasSuffix(".tar.gz") else {
            return storageError(404, "NoSuchKey", "The specified key does not exist.")
        }
        guard method == "GET" || method == "HEAD" else {
            return storageError(405, "MethodNotAllowed", "The specified method is not allowed against this resource.")
        }
        let guid = String(parts[2].dropLast(".tar.gz".count))
        let now = clock.now
        switch signer.verify(query, id: id, guid: guid, now: now) {
        case .missing:
            return storageError(403, "AccessDenied", "Access Denied")
        case .badSignature:
            return storageError(
                403, "SignatureDoesNotMatch",
                "The request signature we calculated does not match the signature you provided. "
                    + "Check your key and signing method.")
        case .expired:
            return storageError(403, "AccessDenied", "Request has expired")
        case .valid:
            if options.oneUseArchiveURLs, method == "GET", !urlUses.firstUse(of: target) {
                return storageError(403, "AccessDenied", "Request has expired")
            }
        }
        let input = world.withLock { world -> (ArchiveInput, Date)? in
            guard let record = world.migrations[id], record.guid == guid, record.hasArchive(at: now) else { return nil }
            return (world.archiveInput(record), record.updatedAt(at: now))
        }
        guard case let (archiveInput, exportedAt)? = input else {
            return storageError(404, "NoSuchKey", "The specified key does not exist.")
        }
        let blob = archives.blob(for: archiveInput, exportedAt: exportedAt)
        let disposition = query.value("response-content-disposition")
        return serve(blob, method: method, headers: headers, disposition: disposition)
    }

    /// S3's XML error document.
    func storageError(_ status: Int, _ code: String, _ message: String) -> OutgoingResponse {
        let xml =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>\(code)</Code><Message>\(message)</Message></Error>"
        return OutgoingResponse(status: status, headers: [("content-type", "application/xml")], body: Array(xml.utf8))
    }
}
