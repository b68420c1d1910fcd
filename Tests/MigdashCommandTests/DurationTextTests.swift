import Testing

@testable import migdash

@Suite("Durations as typed: --timeout")
struct DurationTextTests {
    @Test("units add up; anything else, negative or past a year is refused, never a trap")
    func parse() {
        #expect(DurationText.seconds("90s") == 90)
        #expect(DurationText.seconds("30m") == 1_800)
        #expect(DurationText.seconds("1h30m") == 5_400)
        #expect(DurationText.seconds("7d") == 604_800)
        #expect(DurationText.seconds("45") == 45)
        for bad in ["", "soon", "5x", "h", "-5", "400d", "99999999999999999999s", "1e400", "nan", "5m3"] {
            #expect(DurationText.seconds(bad) == nil, "\(bad)")
        }
    }
}
