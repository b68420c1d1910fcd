import Foundation

extension Simulator {
    /// The `/_simulator/*` controls: unauthenticated, unrecorded, never faulted.
    func answerControl(_ request: APIRequest) -> OutgoingResponse {
        let response: APIResponse
        switch (request.method, Array(request.segments.dropFirst())) {
        case ("POST", ["advance"]): response = controlAdvance(request)
        case ("POST", ["faults"]): response = controlFault(request)
        case ("POST", ["retired-imports"]): response = controlRetiredImports(request)
        case ("GET", ["requests"]): response = .json(log.all)
        case ("DELETE", ["requests"]):
            log.clear()
            response = .noContent()
        default: response = .notFound()
        }
        var headers = response.headers
        if let contentType = response.contentType { headers.append(("content-type", contentType)) }
        return OutgoingResponse(status: response.status, headers: headers, body: response.body)
    }

    private struct AdvanceBody: Decodable {
        var seconds: Double
    }

    private struct RetiredBody: Decodable {
        var mode: String?

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            if let number = try? container.decodeIfPresent(Int.self, forKey: .mode) {
                mode = String(number)
            } else {
                mode = try container.decodeIfPresent(String.self, forKey: .mode)
            }
        }

        private enum CodingKeys: String, CodingKey { case mode }
    }

    private func controlAdvance(_ request: APIRequest) -> APIResponse {
        guard let body = try? JSONDecoder().decode(AdvanceBody.self, from: Data(request.body)) else {
            return .error(400, "Problems parsing JSON: expected {\"seconds\": N}")
        }
        advance(seconds: body.seconds)
        return .json(["now": WireJSON.timestamp(clock.now)])
    }

    private func controlFault(_ request: APIRequest) -> APIResponse {
        guard let body = try? JSONDecoder().decode(FaultRequest.self, from: Data(request.body)),
            let fault = Fault(body)
        else { return .error(400, "Problems parsing JSON: expected one fault") }
        inject(fault)
        return .json(["queued": body.kind], status: 201)
    }

    private func controlRetiredImports(_ request: APIRequest) -> APIResponse {
        guard let body = try? JSONDecoder().decode(RetiredBody.self, from: Data(request.body)) else {
            return .error(400, "Problems parsing JSON: expected {\"mode\": \"404\" | \"410\" | null}")
        }
        switch body.mode {
        case "404": setRetiredImports(.notFound)
        case "410": setRetiredImports(.gone)
        case nil: setRetiredImports(nil)
        default: return .error(400, "mode must be \"404\", \"410\" or null")
        }
        return .json(["mode": body.mode ?? "none"])
    }
}
