/// Text from inside an archive, made safe to show: UTF-8 read leniently and control characters
/// replaced, because an archive's names reach terminals through the dashboard and `migdash inspect`.
enum TarText {
    /// `bytes` as text, each invalid UTF-8 sequence as U+FFFD and each C0, DEL or C1 control as `?`.
    static func safe<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var safe = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            safe.append(isControl(scalar) ? "?" : scalar)
        }
        return String(safe)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
