import Foundation
import Testing

@testable import TerminalUI

@Suite("TerminalControl: the exact bytes of a clipboard copy and of a desktop notification")
struct TerminalControlTests {
    /// The bytes of `ESC ] text BEL`.
    private func osc(_ text: String) -> [UInt8] { [0x1B, 0x5D] + Array(text.utf8) + [0x07] }

    @Test("a copy is ESC ] 52 ; c ; base64 BEL, the base64 of the text's UTF-8")
    func copyBytes() {
        #expect(TerminalControl.copy("1234567").bytes == osc("52;c;MTIzNDU2Nw=="))
        #expect(TerminalControl.copy("").bytes == osc("52;c;"))
        // Every padding length, and text past ASCII, as Foundation's encoder writes them.
        for text in ["a", "ab", "abc", "abcd", "/srv/archives/octo-org 1042 — ümlaut 😀.tar.gz"] {
            let expected = Data(text.utf8).base64EncodedString()
            #expect(TerminalControl.copy(text).bytes == osc("52;c;" + expected), "base64 of \(text)")
        }
    }

    @Test("a copied text loses its control characters: nothing pasted into a shell runs by itself")
    func copyClean() {
        let hostile = "https://x/\u{1B}]52;c;cHduZWQ=\u{7}\nrm -rf ~\r\u{9B}2J\u{7F}"
        let clipped = TerminalControl.clipboardText(hostile)
        #expect(clipped.text == "https://x/ ]52;c;cHduZWQ=  rm -rf ~  2J ")
        #expect(!clipped.cut)
        let expected = Data(clipped.text.utf8).base64EncodedString()
        #expect(TerminalControl.copy(hostile).bytes == osc("52;c;" + expected))
    }

    @Test("a long copy is cut to 4 KiB on a character's boundary, and says so")
    func copyBound() {
        // Two bytes each: 4096 bytes hold 2048 of them exactly; a three-byte one does not split.
        let clipped = TerminalControl.clipboardText(String(repeating: "é", count: 3000))
        #expect(clipped.cut)
        #expect(clipped.text == String(repeating: "é", count: 2048))
        let odd = TerminalControl.clipboardText("a" + String(repeating: "€", count: 2000))
        #expect(odd.cut && odd.text.utf8.count == 1 + 3 * 1365)
        let exact = String(repeating: "x", count: TerminalControl.clipboardLimit)
        #expect(TerminalControl.clipboardText(exact) == (exact, false))
        let bytes = TerminalControl.copy(String(repeating: "x", count: 1_000_000)).bytes
        #expect(bytes.count == 2 + "52;c;".utf8.count + 4096 / 3 * 4 + 4 + 1)
    }

    @Test("a notification is OSC 777 notify ; title ; body, then OSC 9 with title: body")
    func notifyBytes() {
        let both = TerminalControl.notify(
            title: "migdash · github.com", body: "migration octo-org #1042 exported", via: .both)
        let osc777 = osc("777;notify;migdash · github.com;migration octo-org #1042 exported")
        let osc9 = osc("9;migdash · github.com: migration octo-org #1042 exported")
        #expect(both.bytes == osc777 + osc9)
        #expect(
            TerminalControl.notify(
                title: "migdash · github.com", body: "migration octo-org #1042 exported", via: .osc777
            ).bytes == osc777)
        #expect(
            TerminalControl.notify(title: "migdash · github.com", body: "migration octo-org #1042 exported", via: .osc9)
                .bytes == osc9)
    }

    @Test("hostile title and body: ESC, BEL, `;`, C1 CSI, newline and DEL never reach the terminal")
    func notifyHostile() {
        let title = "evil\u{1B}]0;pwned\u{7}"
        let body = "a;b\u{9B}31mc\nd\u{7F}e\u{1B}\\f\u{202E}g"
        let bytes = TerminalControl.notify(title: title, body: body, via: .both).bytes
        #expect(
            bytes == osc("777;notify;evil ]0 pwned;a b 31mc d e \\f g") + osc("9;evil ]0 pwned: a b 31mc d e \\f g"))
        // Two sequences: two ESC ] at their starts and two BELs at their ends, nothing else of the kind.
        #expect(bytes.filter { $0 == 0x1B }.count == 2)
        #expect(bytes.filter { $0 == 0x07 }.count == 2)
        #expect(!String(decoding: bytes, as: UTF8.self).unicodeScalars.contains { (0x80...0x9F).contains($0.value) })
        // OSC 777 has exactly its three separators: the fields cannot add one.
        let first = Array(bytes.prefix { $0 != 0x07 })
        #expect(first.filter { $0 == UInt8(ascii: ";") }.count == 3)
    }

    @Test("long title and body are cut with an ellipsis; OSC 9's text never starts with a digit and `;`")
    func notifyBounds() {
        let long = String(repeating: "x", count: 5000)
        let bytes = TerminalControl.notify(title: long, body: long, via: .osc777).bytes
        let text = String(decoding: bytes.dropFirst(2).dropLast(), as: UTF8.self)
        let fields = text.split(separator: ";", omittingEmptySubsequences: false)
        #expect(fields.count == 4)
        #expect(fields[2] == String(repeating: "x", count: TerminalControl.titleLimit - 1) + "…")
        #expect(fields[3] == String(repeating: "x", count: TerminalControl.bodyLimit - 1) + "…")
        // A body such as "4;1;50" would be ConEmu's progress bar in OSC 9: with its `;` gone and the title first,
        // it is plain text.
        #expect(TerminalControl.notify(title: "", body: "4;1;50", via: .osc9).bytes == osc("9;4 1 50"))
        #expect(TerminalControl.notify(title: "migdash", body: "4;1;50", via: .osc9).bytes == osc("9;migdash: 4 1 50"))
    }
}
