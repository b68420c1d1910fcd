import Foundation

/// One request that changes something at GitHub (POST, PATCH, PUT, DELETE), as the client sent it and as
/// it ended: what an audit trail keeps. Never a token; the body is summarised with every secret field
/// (a source import's `vcs_password`, anything named like a token or secret) replaced.
public struct MutationRecord: Sendable, Equatable {
    /// When the answer (or the failure) came.
    public var at: Date
    /// `POST`, `PATCH`, `PUT` or `DELETE`.
    public var method: String
    /// The path under the API root, without a query.
    public var path: String
    /// The body's fields, secrets replaced, at most `bodyLimit` characters; nil without a body.
    public var body: String?
    /// GitHub's HTTP status, nil when no answer came.
    public var status: Int?
    /// GitHub's `X-GitHub-Request-Id`, when it sent one.
    public var requestID: String?
    /// nil when it succeeded; else the failure as the user reads it.
    public var failure: String?
    /// The id of what a successful POST created (a migration's), read from GitHub's answer, so a start
    /// belongs to the migration it made; nil for every other request.
    public var createdID: Int64?

    /// The longest body summary kept.
    public static let bodyLimit = 1_000

    /// A record of a mutation.
    public init(
        at: Date, method: String, path: String, body: String?, status: Int?, requestID: String?, failure: String?,
        createdID: Int64? = nil
    ) {
        self.createdID = createdID
        self.at = at
        self.method = method
        self.path = path
        self.body = body
        self.status = status
        self.requestID = requestID
        self.failure = failure
    }

    /// The `id` of a JSON object answer, when it is a number: what a POST made.
    static func createdID(in body: some Collection<UInt8>) -> Int64? {
        guard body.count <= 1 << 20,
            let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
            let id = object["id"] as? NSNumber, id.int64Value > 0
        else { return nil }
        return id.int64Value
    }

    /// Fields whose value is never kept: a name containing any of these, in any case.
    static let secretNames = ["password", "token", "secret", "credential", "authorization"]

    /// The body as sorted JSON with every secret field's value replaced by `"[redacted]"`, at any depth;
    /// a body that is not JSON is not kept at all (it could be anything).
    public static func summary(of body: Data?) -> String? {
        guard let body, !body.isEmpty else { return nil }
        guard let object = try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]),
            let data = try? JSONSerialization.data(
                withJSONObject: redacted(object), options: [.sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes])
        else { return "(a body that is not JSON, not kept)" }
        let text = String(decoding: data, as: UTF8.self)
        return text.count > bodyLimit ? String(text.prefix(bodyLimit)) + "…" : text
    }

    private static func redacted(_ value: Any) -> Any {
        if let object = value as? [String: Any] {
            var copy: [String: Any] = [:]
            for (key, inner) in object {
                let lowered = key.lowercased()
                copy[key] = secretNames.contains(where: lowered.contains) ? "[redacted]" : redacted(inner)
            }
            return copy
        }
        if let array = value as? [Any] { return array.map(redacted) }
        return value
    }
}
