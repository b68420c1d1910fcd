import TerminalUI

/// The styles of one frame: each role is resolved once per `present` (the theme may change
/// between frames) and numbered, so a row plan compares small integers instead of styles.
struct FrameStyles {
    /// The drawing of each slot.
    private(set) var drawings: [CellDrawing] = []
    private var slots: [Role: Int] = [:]

    /// The slot of a role, resolving it with `resolve` the first time it appears in this frame.
    mutating func slot(for role: Role, resolve: (Role) -> CellDrawing) -> Int {
        if let known = slots[role] { return known }
        let slot = drawings.count
        drawings.append(resolve(role))
        slots[role] = slot
        return slot
    }
}
