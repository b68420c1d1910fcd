/// Counts the elements of a top-level JSON array as bytes stream past, without building any value.
///
/// It follows strings (and their escapes) and nesting only: enough to count the records of a
/// well-formed file in one pass at memory speed. A file that is not one array counts as unreadable.
struct JSONRecordCounter {
    private var depth = 0
    private var inString = false
    private var escaped = false
    private var closed = false
    private var sawElement = false
    private var separators = 0
    private var malformed = false

    /// Feeds the next bytes of the file.
    mutating func feed(_ bytes: UnsafeRawBufferPointer) {
        for byte in bytes where !malformed {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
            } else {
                structural(byte)
            }
        }
    }

    private mutating func structural(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): return
        default: break
        }
        if depth == 0 {
            // The top level holds one value, and it must be an array.
            guard !closed, byte == UInt8(ascii: "[") else {
                malformed = true
                return
            }
            depth = 1
            return
        }
        switch byte {
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            if depth == 1 { sawElement = true }
            depth += 1
        case UInt8(ascii: "]"), UInt8(ascii: "}"):
            depth -= 1
            if depth == 0 { closed = true }
        case UInt8(ascii: ","):
            if depth == 1 { separators += 1 }
        default:
            if depth == 1 { sawElement = true }
            if byte == UInt8(ascii: "\"") { inString = true }
        }
    }

    /// The number of elements, or nil when the bytes were not one complete JSON array.
    var count: Int? {
        guard closed, !malformed else { return nil }
        return sawElement ? separators + 1 : 0
    }
}
