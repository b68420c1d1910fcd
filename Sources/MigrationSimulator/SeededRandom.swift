/// SplitMix64: a tiny deterministic generator, so archives and ids are the same on every run.
struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose whole sequence follows from `seed`.
    init(seed: Int) {
        state = UInt64(bitPattern: Int64(seed)) &+ 0x9E37_79B9_7F4A_7C15
    }

    /// The next 64 pseudo-random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    /// `count` lowercase hex digits, such as a git object id.
    mutating func hex(_ count: Int) -> String {
        var digits = ""
        while digits.count < count { digits += String(next(), radix: 16).leftPadded(to: 16) }
        return String(digits.prefix(count))
    }

    /// A UUID-shaped string, as GitHub's migration guids are.
    mutating func guid() -> String {
        let digits = hex(32)
        let cuts = [8, 4, 4, 4, 12]
        var parts: [Substring] = []
        var rest = Substring(digits)
        for cut in cuts {
            parts.append(rest.prefix(cut))
            rest = rest.dropFirst(cut)
        }
        return parts.joined(separator: "-")
    }
}

extension String {
    /// The string with `0`s in front up to `width` characters.
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}

/// FNV-1a, 64-bit: a fast stable hash for ETags and signatures (not for secrecy).
enum StableHash {
    /// The hash of `bytes`, continuing from `seed`.
    static func fnv1a(_ bytes: some Sequence<UInt8>, seed: UInt64 = 0xCBF2_9CE4_8422_2325) -> UInt64 {
        var hash = seed
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// `count` hex digits derived from `bytes`, by chaining hashes.
    static func hex(_ bytes: [UInt8], digits count: Int) -> String {
        var out = ""
        var seed: UInt64 = 0xCBF2_9CE4_8422_2325
        while out.count < count {
            seed = fnv1a(bytes, seed: seed)
            out += String(seed, radix: 16).leftPadded(to: 16)
        }
        return String(out.prefix(count))
    }
}
