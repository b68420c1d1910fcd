/// One terminal cell: a grapheme and the role it is drawn with.
public struct Cell: Hashable, Sendable {
    /// The grapheme; a space for blank cells and for the right half of a wide character.
    public var character: Character
    /// The role the cell is drawn with.
    public var role: Role
    /// Columns the grapheme takes: 1, 2 for wide characters, 0 for the right half of a wide one.
    public var width: UInt8

    /// Creates a cell.
    public init(_ character: Character = " ", role: Role = .normal, width: UInt8 = 1) {
        self.character = character
        self.role = role
        self.width = width
    }

    /// A blank cell in a role.
    public static func blank(_ role: Role = .normal) -> Cell { Cell(" ", role: role) }
}
