import Foundation
import TestSupport

/// The dashboard's writes to its terminal, read from `strace -f -y -e trace=execve,poll,write,writev`,
/// grouped by turn of the runtime's loop.
///
/// A turn ends where the loop's thread waits in `poll` on its two descriptors (the terminal's input
/// and the inbox's wake pipe); ncurses' own `poll` calls watch one. A write counts when its descriptor
/// is a terminal (`-y` prints `/dev/pts/N`), whatever its number and thread, so output that bypassed
/// the frame would still be seen.
struct WriteTrace {
    /// One turn's writes to the terminal.
    struct Turn: Equatable {
        /// The byte counts of the writes, in order.
        var writes: [Int] = []
    }

    /// The turns, in order; the last one ends when the process does.
    let turns: [Turn]

    /// The options that make strace print what this reads, before `-o FILE` and the command.
    static let straceOptions = ["-f", "-y", "-s", "0", "-e", "trace=execve,poll,write,writev", "-e", "signal=none"]

    /// Reads strace's output.
    init(_ text: String) {
        let calls = text.split(separator: "\n").compactMap(Self.call)
        let loopThread = calls.first { Self.isLoopWait($0.call) }?.thread
        var turns = [Turn()]
        for (thread, call) in calls {
            if thread == loopThread, Self.isLoopWait(call) {
                if turns[turns.count - 1] != Turn() { turns.append(Turn()) }
            } else if call.hasPrefix("write(") || call.hasPrefix("writev("), Self.isTerminal(call) {
                // Any thread: a write to the terminal from elsewhere would break a frame just the same.
                turns[turns.count - 1].writes.append(Self.byteCount(call) ?? 0)
            }
        }
        self.turns = turns.filter { !$0.writes.isEmpty }
    }

    /// A line's thread and call: `461   write(1</dev/pts/1>, ""..., 44) = 44`.
    private static func call(_ line: Substring) -> (thread: Substring, call: Substring)? {
        guard let space = line.firstIndex(of: " ") else { return nil }
        return (line[..<space], line[space...].drop { $0 == " " })
    }

    /// The loop's wait: `poll` on two descriptors (ncurses' own calls watch one).
    private static func isLoopWait(_ call: Substring) -> Bool {
        call.hasPrefix("poll(") && call.contains("], 2, ")
    }

    /// True when the call's descriptor is a terminal: `write(1</dev/pts/3>, ...`.
    private static func isTerminal(_ call: Substring) -> Bool {
        guard let open = call.firstIndex(of: "<"), let close = call.firstIndex(of: ">") else { return false }
        let path = call[call.index(after: open)..<close]
        return path.hasPrefix("/dev/pts/") || path.hasPrefix("/dev/tty")
    }

    /// The count the call was asked to write: its last argument, `…, 214)   = 214` or `…, 214 <unfinished ...>`.
    private static func byteCount(_ call: Substring) -> Int? {
        var arguments: Substring
        if let cut = call.range(of: " <unfinished") {
            arguments = call[..<cut.lowerBound]
        } else if let result = call.range(of: " = ", options: .backwards) {
            arguments = call[..<result.lowerBound]
            while arguments.last == " " { arguments = arguments.dropLast() }
            guard arguments.last == ")" else { return nil }
            arguments = arguments.dropLast()
        } else {
            return nil
        }
        guard let comma = arguments.lastIndex(of: ",") else { return nil }
        return Int(arguments[arguments.index(after: comma)...].trimmingCharacters(in: .whitespaces))
    }

    /// True when strace is installed and may trace a child here (containers can forbid ptrace).
    static func straceWorks() async -> Bool {
        guard let strace = try? ProcessRunner.locate("strace") else { return false }
        return (try? await ProcessRunner.run(strace, ["-o", "/dev/null", "true"]).status) == 0
    }
}
