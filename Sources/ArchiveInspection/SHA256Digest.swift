import CLibcrypto

/// SHA-256 through the system's libcrypto, fed incrementally; the downloader hashes blocks as they arrive.
///
/// It uses OpenSSL's one-algorithm `SHA256_*` functions rather than EVP, which would load OpenSSL's
/// configuration and providers (about 2 MB of resident memory) for the same assembly routine.
/// Not thread-safe: one owner feeds it.
public final class SHA256Digest {
    private var context = SHA256_CTX()
    /// Bytes hashed so far.
    public private(set) var count: Int64 = 0

    /// A fresh hash.
    public init() {
        SHA256_Init(&context)
    }

    /// Adds bytes to the hash.
    public func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        SHA256_Update(&context, base, bytes.count)
        count += Int64(bytes.count)
    }

    /// The digest of everything added, as lowercase hex; call once.
    public func hexDigest() -> String {
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        SHA256_Final(&digest, &context)
        return digest.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
