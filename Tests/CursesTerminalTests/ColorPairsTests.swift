import TerminalUI
import Testing

@testable import CursesTerminal

@Suite("Allocating colour pairs")
struct ColorPairsTests {
    @Test("Default on default is pair 0 and needs no pair")
    func defaults() {
        var pairs = ColorPairs(colorCount: 256, pairCount: 256, hasDefaultColors: true)
        let assignment = pairs.pair(foreground: .default, background: .default)
        #expect(assignment.number == 0)
        #expect(!assignment.isNew)
    }

    @Test("Each combination gets one pair, defined once")
    func reuse() {
        var pairs = ColorPairs(colorCount: 256, pairCount: 256, hasDefaultColors: true)
        let red = pairs.pair(foreground: .ansi(1), background: .default)
        #expect(red == .init(number: 1, isNew: true, foreground: 1, background: -1))
        #expect(pairs.pair(foreground: .ansi(1), background: .default).isNew == false)
        #expect(pairs.pair(foreground: .indexed(208), background: .ansi(4)).number == 2)
        #expect(pairs.pair(foreground: .ansi(1), background: .default).number == 1)
    }

    @Test("On an 8-colour terminal bright colours share their base colour's pair")
    func degraded() {
        var pairs = ColorPairs(colorCount: 8, pairCount: 64, hasDefaultColors: true)
        let red = pairs.pair(foreground: .ansi(1), background: .default)
        let brightRed = pairs.pair(foreground: .ansi(9), background: .default)
        #expect(brightRed.number == red.number)
        #expect(!brightRed.isNew)
    }

    @Test("A terminal without colours draws everything in pair 0")
    func monochrome() {
        var pairs = ColorPairs(colorCount: 0, pairCount: 0, hasDefaultColors: false)
        #expect(pairs.pair(foreground: .ansi(1), background: .ansi(4)).number == 0)
    }

    @Test("When the pairs run out, new combinations fall back to pair 0")
    func exhausted() {
        var pairs = ColorPairs(colorCount: 8, pairCount: 3, hasDefaultColors: true)
        #expect(pairs.pair(foreground: .ansi(1), background: .default).number == 1)
        #expect(pairs.pair(foreground: .ansi(2), background: .default).number == 2)
        #expect(pairs.pair(foreground: .ansi(3), background: .default).number == 0)
        #expect(pairs.pair(foreground: .ansi(1), background: .default).number == 1)
    }

    @Test("Without default-colour support the default is white on black")
    func noDefaultColors() {
        var pairs = ColorPairs(colorCount: 8, pairCount: 64, hasDefaultColors: false)
        let assignment = pairs.pair(foreground: .ansi(1), background: .default)
        #expect(assignment.foreground == 1)
        #expect(assignment.background == 0)
    }
}
