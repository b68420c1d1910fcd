import TerminalUI

/// Text from inside an archive, made safe to show: UTF-8 read leniently and control characters
/// replaced, because an archive's names reach terminals through the dashboard and `migdash inspect`.
enum TarText {
    /// `bytes` as text, each invalid UTF-8 sequence as U+FFFD and each character `TerminalText` finds
    /// unsafe (C0, DEL, C1, bidirectional overrides) as `?`.
    static func safe<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        TerminalText.safe(String(decoding: bytes, as: UTF8.self))
    }
}
