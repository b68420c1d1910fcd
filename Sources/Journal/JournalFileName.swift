import Foundation

/// The journal's file name for a host and login: `login@host.sqlite`, each part kept to letters, digits,
/// `.`, `-` and `_`. A part that had to be changed or shortened gets a hash of the original, so two
/// hosts or logins never share a file, and no name can hold a `/`, be `..` or carry a control character.
enum JournalFileName {
    /// The longest part kept before hashing, in bytes; the whole name stays far under 255.
    static let partLimit = 80

    /// `login@host.sqlite`, made safe.
    static func name(host: String, login: String) -> String {
        "\(safe(login))@\(safe(host)).sqlite"
    }

    /// One part: unchanged when already safe and short, else what is safe of it plus a hash of it all.
    static func safe(_ part: String) -> String {
        var kept = ""
        var changed = part.isEmpty || part.hasPrefix(".")
        for scalar in part.unicodeScalars {
            if scalar.isASCII,
                scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "._-".unicodeScalars.contains(scalar)
            {
                kept.unicodeScalars.append(scalar)
            } else {
                kept.append("_")
                changed = true
            }
        }
        if kept.utf8.count > partLimit {
            kept = String(kept.prefix(partLimit))
            changed = true
        }
        guard changed else { return kept }
        // A leading dot would hide the file and let `..` through; the hash makes the name unique again.
        while kept.hasPrefix(".") { kept.removeFirst() }
        return (kept.isEmpty ? "" : kept + "-") + hash(part)
    }

    /// FNV-1a over the UTF-8 bytes, 64 bits in hex: not for secrecy, only to keep changed names apart.
    static func hash(_ text: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01b3
        }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
