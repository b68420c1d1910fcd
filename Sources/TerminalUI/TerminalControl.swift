/// A request to the terminal itself rather than a cell of the screen: put text on the clipboard (OSC 52)
/// or show a desktop notification (OSC 777, OSC 9). Pure: `bytes` is exactly what the terminal receives.
///
/// Every text is made safe here, whoever built the value: a control character inside an OSC would end it
/// early and let the rest act as a command of its own.
public enum TerminalControl: Sendable, Equatable {
    /// Sets the clipboard (`ESC ] 52 ; c ; BASE64 BEL`). The text is cut to `clipboardLimit` bytes.
    case copy(String)
    /// Shows a desktop notification through the chosen sequences.
    case notify(title: String, body: String, via: NotificationProtocol)

    /// The most bytes of UTF-8 put on the clipboard at once. xterm's default limit for an OSC 52 is about
    /// 74 KB of base64 and tmux keeps far more, but an id, a path or a URL is far shorter: a bound keeps a
    /// hostile URL from sending megabytes to the terminal.
    public static let clipboardLimit = 4096
    /// The most characters of a notification's title.
    public static let titleLimit = 64
    /// The most characters of a notification's body.
    public static let bodyLimit = 240

    /// The bytes to write to the terminal, terminated by BEL (which every terminal that knows these
    /// sequences accepts, and which tmux accepts too).
    public var bytes: [UInt8] {
        switch self {
        case .copy(let text):
            let clipped = Self.clipboardText(text).text
            return Self.osc("52;c;" + Base64.encode(Array(clipped.utf8)))
        case .notify(let title, let body, let via):
            let title = Self.field(title, limit: Self.titleLimit)
            let body = Self.field(body, limit: Self.bodyLimit)
            var bytes: [UInt8] = []
            if via.sendsOSC777 { bytes += Self.osc("777;notify;\(title);\(body)") }
            // One text: title and body joined. It starts with the title, never with a digit and `;`, which
            // ConEmu and Windows Terminal would read as a command of their own (`9;4;…` is a progress bar).
            if via.sendsOSC9 { bytes += Self.osc("9;\(title.isEmpty ? "" : title + ": ")\(body)") }
            return bytes
        }
    }

    /// The text the clipboard gets for `text`: control characters (C0, DEL, C1) and bidirectional controls
    /// replaced by spaces, so nothing pasted into a shell runs by itself, then cut to `clipboardLimit`
    /// bytes on a character's boundary; `cut` says whether anything was left out.
    public static func clipboardText(_ text: String) -> (text: String, cut: Bool) {
        let safe = TerminalText.safe(text, replacement: " ")
        guard safe.utf8.count > clipboardLimit else { return (safe, false) }
        var kept = ""
        var count = 0
        for character in safe {
            let size = character.utf8.count
            guard count + size <= clipboardLimit else { break }
            kept.append(character)
            count += size
        }
        return (kept, true)
    }

    /// A notification's title or body: control characters and `;` (OSC 777's field separator) become
    /// spaces, runs of spaces one space, and the text is cut to `limit` characters with an ellipsis.
    static func field(_ text: String, limit: Int) -> String {
        var scalars = String.UnicodeScalarView()
        var lastWasSpace = true
        for scalar in text.unicodeScalars {
            let space = TerminalText.isUnsafe(scalar) || scalar == ";" || scalar == " "
            if space {
                if !lastWasSpace { scalars.append(" ") }
            } else {
                scalars.append(scalar)
            }
            lastWasSpace = space
        }
        var cleaned = String(scalars)
        if cleaned.last == " " { cleaned.removeLast() }
        guard cleaned.count > limit else { return cleaned }
        return String(cleaned.prefix(max(0, limit - 1))) + "…"
    }

    /// `ESC ] text BEL`.
    private static func osc(_ text: String) -> [UInt8] {
        [0x1B, 0x5D] + Array(text.utf8) + [0x07]
    }
}

/// Standard base64 (RFC 4648, with padding), which OSC 52 carries; TerminalUI does without Foundation.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// The base64 text of `bytes`.
    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let remaining = bytes.count - index
            let first = UInt32(bytes[index])
            let second = remaining > 1 ? UInt32(bytes[index + 1]) : 0
            let third = remaining > 2 ? UInt32(bytes[index + 2]) : 0
            let group = first << 16 | second << 8 | third
            out.append(alphabet[Int(group >> 18 & 63)])
            out.append(alphabet[Int(group >> 12 & 63)])
            out.append(remaining > 1 ? alphabet[Int(group >> 6 & 63)] : UInt8(ascii: "="))
            out.append(remaining > 2 ? alphabet[Int(group & 63)] : UInt8(ascii: "="))
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
