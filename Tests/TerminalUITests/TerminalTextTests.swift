import Testing

@testable import TerminalUI

@Suite("TerminalText: the one filter between outside text and a terminal")
struct TerminalTextTests {
    @Test("OSC 52, OSC 8, a window title, clear-screen, C1 CSI, DEL and bidi overrides are all replaced")
    func hostile() {
        let text =
            "a\u{1B}]52;c;cHduZWQ=\u{7}b\u{1B}]8;;http://x/\u{7}c\u{1B}]0;t\u{7}\u{1B}[2J\u{9B}2J\u{7F}\u{202E}d\u{2066}e"
        let safe = TerminalText.safe(text)
        #expect(!safe.unicodeScalars.contains { TerminalText.isUnsafe($0) })
        #expect(safe == "a?]52;c;cHduZWQ=?b?]8;;http://x/?c?]0;t??[2J?2J??d?e")
    }

    @Test("newlines stay only when asked for; tabs and carriage returns never do")
    func newlines() {
        #expect(TerminalText.safe("one\ntwo\r\tthree", keepingNewlines: true) == "one\ntwo??three")
        #expect(TerminalText.safe("one\ntwo") == "one?two")
        #expect(TerminalText.safe("a\u{1B}b", replacement: " ") == "a b")
    }

    @Test("ordinary text, wide characters and emoji pass unchanged")
    func ordinary() {
        for text in ["octo-org/website", "日本語のリポジトリ", "naïve ✓ 🚀", ""] {
            #expect(TerminalText.safe(text) == text)
        }
    }
}
