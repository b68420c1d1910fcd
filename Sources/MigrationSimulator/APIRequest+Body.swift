import Foundation

extension APIRequest {
    /// Decodes the JSON body as GitHub validates it: 400 for unparsable JSON or a non-object, 422 for wrong types.
    ///
    /// An empty body counts as `{}`, as PATCH `/import` with no body means "restart".
    func decodeBody<Body: Decodable>(_ type: Body.Type, docs: String) -> Result<Body, APIResponseError> {
        let bytes = body.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 } ? Array("{}".utf8) : body
        guard let parsed = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) else {
            return .failure(APIResponseError(.error(400, "Problems parsing JSON", docs: docs)))
        }
        guard parsed is [String: Any] else {
            return .failure(APIResponseError(.error(400, "Body should be a JSON object", docs: docs)))
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return .success(try decoder.decode(Body.self, from: Data(bytes)))
        } catch {
            return .failure(APIResponseError(.error(422, "Invalid request.\n\n\(Self.describe(error))", docs: docs)))
        }
    }

    /// The bearer token from `Authorization: Bearer T`, `token T` or basic auth with the token as password.
    var token: String? {
        guard let header = headers["authorization"] else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return "" }
        switch parts[0].lowercased() {
        case "bearer", "token":
            return parts[1].trimmingCharacters(in: .whitespaces)
        case "basic":
            let decoded = Data(base64Encoded: parts[1]).flatMap { String(data: $0, encoding: .utf8) } ?? ""
            return decoded.split(separator: ":", maxSplits: 1).last.map(String.init) ?? ""
        default:
            return ""
        }
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.typeMismatch(let type, let context):
            "For 'properties/\(context.codingPath.map(\.stringValue).joined(separator: "/"))', the value is not \(type)."
        case DecodingError.valueNotFound(_, let context):
            "\"\(context.codingPath.map(\.stringValue).joined(separator: "/"))\" must not be null."
        default:
            "The request body does not match the schema."
        }
    }
}

/// A finished error response carried through a `Result`.
struct APIResponseError: Error, Sendable {
    let response: APIResponse

    /// Wraps `response`.
    init(_ response: APIResponse) {
        self.response = response
    }
}
