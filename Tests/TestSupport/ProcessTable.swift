import Foundation

/// Looks up processes in `/proc`, to find the program a tmux pane's shell started.
public enum ProcessTable {
    /// The ids of the live children of `parent` whose command name is `name` (any name when nil).
    public static func children(of parent: Int32, named name: String? = nil) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> Int32? in
            guard let pid = Int32(entry),
                let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let open = stat.firstIndex(of: "("), let close = stat.lastIndex(of: ")")
            else { return nil }
            // `pid (comm) state ppid ...`; the name may hold spaces or parentheses, so split after the last `)`.
            let command = String(stat[stat.index(after: open)..<close])
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 1, Int32(fields[1]) == parent, fields[0] != "Z" else { return nil }
            if let name, command != name { return nil }
            return pid
        }
    }

    /// CPU time a process has used so far, user and system, in seconds; nil when it is gone.
    public static func cpuSeconds(of pid: Int32) -> Double? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        // After `pid (comm)`: state is field 3, utime field 14 and stime field 15 of the whole line.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
}
