import TerminalUI
import Testing

@testable import CursesTerminal

/// Key codes as ncurses defines them (the tests may not import ncurses itself).
private enum Code {
    static let down: UInt32 = 0o402
    static let up: UInt32 = 0o403
    static let left: UInt32 = 0o404
    static let right: UInt32 = 0o405
    static let home: UInt32 = 0o406
    static let backspace: UInt32 = 0o407
    static let f0: UInt32 = 0o410
    static let delete: UInt32 = 0o512
    static let pageDown: UInt32 = 0o522
    static let pageUp: UInt32 = 0o523
    static let enter: UInt32 = 0o527
    static let backTab: UInt32 = 0o541
    static let end: UInt32 = 0o550
    static let find: UInt32 = 0o552
    static let select: UInt32 = 0o601
    static let shiftLeft: UInt32 = 0o611
    static let resize: UInt32 = 0o632
}

@Suite("Decoding what wget_wch returns")
struct CursesKeyDecoderTests {
    private func character(_ code: UInt32) -> Key? { CursesKeyDecoder.key(code: code, isFunctionKey: false) }
    private func function(_ code: UInt32) -> Key? { CursesKeyDecoder.key(code: code, isFunctionKey: true) }

    @Test("Return, line feed and the keypad's Enter are all Enter")
    func enter() {
        #expect(character(13) == .enter)
        #expect(character(10) == .enter)
        #expect(function(Code.enter) == .enter)
    }

    @Test("Esc, Tab, Shift-Tab, Backspace and Delete have their names")
    func editingKeys() {
        #expect(character(27) == .escape)
        #expect(character(9) == .tab)
        #expect(function(Code.backTab) == .backTab)
        #expect(character(127) == .backspace)
        #expect(character(8) == .backspace)
        #expect(function(Code.backspace) == .backspace)
        #expect(function(Code.delete) == .delete)
    }

    @Test("Control letters arrive as keys, Ctrl-C included (the terminal is raw)")
    func controlLetters() {
        #expect(character(1) == .control("a"))
        #expect(character(3) == .control("c"))
        #expect(character(12) == .control("l"))
        #expect(character(26) == .control("z"))
    }

    @Test("Arrows, paging, Home and End, including the VT220 Find and Select codes")
    func navigation() {
        #expect(function(Code.up) == .up)
        #expect(function(Code.down) == .down)
        #expect(function(Code.left) == .left)
        #expect(function(Code.right) == .right)
        #expect(function(Code.pageUp) == .pageUp)
        #expect(function(Code.pageDown) == .pageDown)
        #expect(function(Code.home) == .home)
        #expect(function(Code.end) == .end)
        #expect(function(Code.find) == .home)
        #expect(function(Code.select) == .end)
    }

    @Test("F1 to F12 are function keys; F13 and beyond are ignored")
    func functionKeys() {
        #expect(function(Code.f0 + 1) == .function(1))
        #expect(function(Code.f0 + 12) == .function(12))
        #expect(function(Code.f0 + 13) == nil)
        #expect(function(Code.f0) == nil)
    }

    @Test("A resize is a key of its own")
    func resize() {
        #expect(function(Code.resize) == .resize)
    }

    @Test("Printable characters, wide ones included, are characters")
    func printable() {
        #expect(character(0x61) == .character("a"))
        #expect(character(0x20) == .character(" "))
        #expect(character(0x6F22) == .character("漢"))
        #expect(character(0xE9) == .character("é"))
    }

    @Test("Codes without a name are dropped")
    func unnamed() {
        #expect(character(0) == nil)
        #expect(character(28) == nil)
        #expect(character(0x9B) == nil)
        #expect(character(0xD800) == nil)
        #expect(function(Code.shiftLeft) == nil)
    }
}
