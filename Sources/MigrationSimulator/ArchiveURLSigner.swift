import Foundation

/// Presigned storage URLs shaped like S3's, signed with a per-simulator secret.
struct ArchiveURLSigner: Sendable {
    /// Why storage refuses a URL.
    enum Verdict: Sendable, Equatable {
        case valid, missing, badSignature, expired
    }

    private let secret = (0..<16).map { _ in UInt8.random(in: 0...255) }

    /// The presigned URL of an archive, valid for `lifetime` seconds from `issuedAt`.
    func url(origin: String, id: Int, guid: String, issuedAt: Date, lifetime: Double) -> String {
        let date = Self.amzDate(issuedAt)
        let expires = max(1, Int(lifetime.rounded(.up)))
        let day = date.prefix(8)
        let query = [
            "X-Amz-Algorithm=AWS4-HMAC-SHA256",
            "X-Amz-Credential=AKIASIMULATOR%2F\(day)%2Fus-east-1%2Fs3%2Faws4_request",
            "X-Amz-Date=\(date)",
            "X-Amz-Expires=\(expires)",
            "X-Amz-SignedHeaders=host",
            "X-Amz-Signature=\(signature(id: id, guid: guid, date: date, expires: expires))",
            "actor_id=1",
            "response-content-disposition=filename%3D\(guid).tar.gz",
            "response-content-type=application%2Fx-gzip",
        ]
        return "\(origin)/migration/\(id)/\(guid).tar.gz?" + query.joined(separator: "&")
    }

    /// Checks the signature first (so a stretched expiry is a bad signature), then the expiry.
    func verify(_ query: QueryItems, id: Int, guid: String, now: Date) -> Verdict {
        guard let date = query.value("X-Amz-Date"), let expiresText = query.value("X-Amz-Expires"),
            let expires = Int(expiresText), let given = query.value("X-Amz-Signature")
        else { return .missing }
        guard given == signature(id: id, guid: guid, date: date, expires: expires),
            let issued = Self.parseAmzDate(date)
        else { return .badSignature }
        return now.timeIntervalSince(issued) > Double(expires) ? .expired : .valid
    }

    private func signature(id: Int, guid: String, date: String, expires: Int) -> String {
        StableHash.hex(secret + Array("\(id)\n\(guid)\n\(date)\n\(expires)".utf8), digits: 64)
    }

    private static var utc: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }

    /// `yyyyMMddTHHmmssZ`.
    static func amzDate(_ date: Date) -> String {
        let parts = utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let fields = [parts.month, parts.day, parts.hour, parts.minute, parts.second].map {
            String($0 ?? 0).leftPadded(to: 2)
        }
        return "\(parts.year ?? 1970)\(fields[0])\(fields[1])T\(fields[2])\(fields[3])\(fields[4])Z"
    }

    private static func parseAmzDate(_ text: String) -> Date? {
        let digits = text.filter(\.isNumber)
        guard digits.count == 14, text.hasSuffix("Z") else { return nil }
        let numbers = [4, 2, 2, 2, 2, 2].reduce(into: (values: [Int](), rest: Substring(digits))) { state, width in
            state.values.append(Int(state.rest.prefix(width)) ?? 0)
            state.rest = state.rest.dropFirst(width)
        }.values
        let components = DateComponents(
            year: numbers[0], month: numbers[1], day: numbers[2], hour: numbers[3], minute: numbers[4],
            second: numbers[5])
        return utc.date(from: components)
    }
}
