import Synchronization

/// Unique `X-GitHub-Request-Id` values in GitHub's `HEX:HEX:HEX:HEX:HEX` shape.
final class RequestIDGenerator: Sendable {
    private let counter = Mutex<UInt64>(0)
    private let instance = UInt64.random(in: 0x1000...0xFFFF)

    /// The next request id.
    func next() -> String {
        let number = counter.withLock { value -> UInt64 in
            value += 1
            return value
        }
        let mixed = (number &* 0x9E37_79B9) & 0xFFFF_FFFF
        let parts = [instance, 0x2_0000 + number % 0xF_FFFF, mixed >> 8, mixed, 0x6600_0000 + number]
        return parts.map { String($0, radix: 16, uppercase: true) }.joined(separator: ":")
    }
}
