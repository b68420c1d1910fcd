import TerminalUI
import Testing

@testable import CursesTerminal

@Suite("Numbering a frame's styles")
struct FrameStylesTests {
    @Test("A role is resolved once per frame and keeps its slot")
    func resolvesOnce() {
        var styles = FrameStyles()
        var resolved: [Role] = []
        let resolve: (Role) -> CellDrawing = { role in
            resolved.append(role)
            return CellDrawing(attributes: 0, pair: Int32(resolved.count))
        }
        #expect(styles.slot(for: "a", resolve: resolve) == 0)
        #expect(styles.slot(for: "b", resolve: resolve) == 1)
        #expect(styles.slot(for: "a", resolve: resolve) == 0)
        #expect(resolved == ["a", "b"])
        #expect(styles.drawings.map(\.pair) == [1, 2])
    }
}
