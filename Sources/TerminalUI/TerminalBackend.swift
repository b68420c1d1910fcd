/// What the dashboard's runtime needs from a terminal: present grids, read keys, ring the bell, send
/// controls (clipboard, notifications), restore.
///
/// `CursesTerminal` implements it on ncurses; tests implement it in memory. All calls come from
/// one thread, the runtime's loop.
public protocol TerminalBackend: AnyObject {
    /// The current size in columns and rows.
    var size: Size { get }

    /// A file descriptor that becomes readable when input is waiting, for the runtime's `poll`.
    var inputFileDescriptor: Int32 { get }

    /// How many colours the terminal shows (0 or 2 for none, 8, 16, 256).
    var colorCount: Int { get }

    /// Makes the screen show `grid`, each cell drawn with `style(cell.role)`. Unchanged cells cost nothing.
    func present(_ grid: CellGrid, style: (Role) -> Style)

    /// Every key waiting now, without blocking; `.resize` when the terminal changed size.
    func readKeys() -> [Key]

    /// Rings the terminal bell; a terminal may hold it to leave with the next frame or `flush`.
    func bell()

    /// Sends output held for the next frame (a bell) now; the runtime calls it at the end of each turn.
    func flush()

    /// Sends a control (a clipboard copy, a desktop notification) after the frame of this turn, never
    /// inside one: a terminal may hold it until the next `present` or `flush`.
    func send(_ control: TerminalControl)

    /// Forces a full repaint on the next `present` (after the screen was disturbed, or on Ctrl-L).
    func invalidate()

    /// Restores the terminal as it was; safe to call more than once, and when the terminal is gone.
    func shutdown()

    /// Gives the terminal back to the shell and stops the process (Ctrl-Z); returns once continued,
    /// with the screen to be repainted.
    func suspend()
}

extension TerminalBackend {
    /// Terminals that cannot be suspended (in memory, in tests) carry on.
    public func suspend() {}

    /// Terminals that hold nothing back have nothing to send.
    public func flush() {}
}
