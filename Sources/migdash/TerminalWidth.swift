import Foundation

/// How many columns the terminal on standard output has, asked afresh each time so a resize is followed.
enum TerminalWidth {
    /// The width used when neither the terminal nor `COLUMNS` says.
    static let fallback = 80

    /// The terminal's columns (`TIOCGWINSZ`), else `COLUMNS`, else 80.
    static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
        resolve(terminalColumns: terminalColumns(STDOUT_FILENO), environment: environment)
    }

    /// The first width that says something: the terminal's, then `COLUMNS`, then 80.
    static func resolve(terminalColumns: Int?, environment: [String: String]) -> Int {
        if let terminalColumns, terminalColumns > 0 { return terminalColumns }
        // A width past any real screen is a typo or hostile; clamp it rather than pad a line to it.
        if let columns = environment["COLUMNS"].flatMap({ Int($0) }), columns > 0 { return min(columns, 1_000) }
        return fallback
    }

    /// The columns the kernel records for the terminal on `descriptor`; nil when it is no terminal or
    /// records none (a serial line, or a pseudo-terminal nobody sized).
    static func terminalColumns(_ descriptor: Int32) -> Int? {
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
