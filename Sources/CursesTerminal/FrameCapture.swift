import CNcursesw

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Collects what ncurses writes while it updates the screen, and sends it to the terminal in one `write`.
///
/// ncurses 6.4 writes a frame in pieces (a one-row change in 4-6 writes, a first paint in a hundred);
/// over SSH each can become a packet. ncurses gets a descriptor of its own for the terminal, a
/// duplicate of the terminal's, so that its terminal modes and size queries reach the terminal. While
/// `collect` runs, that descriptor points at an anonymous memory file instead; `send` writes what the
/// file holds to the terminal at once and starts it afresh.
///
/// Only output may happen inside `collect`: a `tcsetattr` or `TIOCGWINSZ` there would reach the memory
/// file, not the terminal. Not `Sendable`: it belongs to the thread that drives curses.
final class FrameCapture {
    /// The stream ncurses writes to (`newterm`'s output), on `cursesDescriptor`.
    let stream: UnsafeMutablePointer<FILE>
    /// The descriptor ncurses writes to and sets the terminal's modes on.
    let cursesDescriptor: Int32
    private let terminal: Int32
    private let memory: Int32
    /// Bytes collected and not yet sent: the memory file's offset.
    private var pending = 0
    /// Where a frame is read back before it is written; as large as the largest frame so far.
    private var buffer: [UInt8] = []
    private var isClosed = false

    /// Sets up collection for the terminal on `terminal`; nil where the system has no memory files or
    /// descriptors run out (then ncurses writes to the terminal itself, as it would anyway).
    init?(terminal: Int32) {
        let memory = migdash_memory_file()
        guard memory >= 0 else { return nil }
        // Above the standard three, close-on-exec: nothing else in the process uses it.
        let curses = fcntl(terminal, F_DUPFD_CLOEXEC, 3)
        guard curses >= 0, let stream = fdopen(curses, "w") else {
            if curses >= 0 { close(curses) }
            close(memory)
            return nil
        }
        self.terminal = terminal
        self.memory = memory
        self.cursesDescriptor = curses
        self.stream = stream
    }

    /// Runs `body` with ncurses' descriptor on the memory file, keeping what it writes for `send`.
    func collect(_ body: () -> Void) {
        guard !isClosed, migdash_point_descriptor(cursesDescriptor, memory) == 0 else {
            body()
            return
        }
        body()
        _ = migdash_point_descriptor(cursesDescriptor, terminal)
        let offset = lseek(memory, 0, SEEK_CUR)
        if offset >= 0 { pending = Int(offset) }
    }

    /// Writes what was collected to the terminal in one `write` (more only if the terminal takes part
    /// of it, as a full pseudo-terminal buffer does); nothing when nothing was collected.
    func send() {
        guard !isClosed, pending > 0 else { return }
        let count = pending
        pending = 0
        defer { _ = lseek(memory, 0, SEEK_SET) }
        if buffer.count < count { buffer = [UInt8](repeating: 0, count: count) }
        buffer.withUnsafeMutableBytes { bytes in
            guard let base = bytes.baseAddress else { return }
            var read = 0
            while read < count {
                let got = pread(memory, base + read, count - read, off_t(read))
                if got > 0 {
                    read += got
                } else if got < 0 && errno == EINTR {
                    continue
                } else {
                    return
                }
            }
            Self.writeAll(terminal, base, count)
        }
    }

    /// Adds `bytes` after what was collected so far, to leave in the same `write` (a clipboard copy after
    /// its frame). Outside `collect` only: ncurses' own buffered output is already in the file then.
    func append(_ bytes: [UInt8]) {
        guard !isClosed, !bytes.isEmpty else { return }
        var written = 0
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            while written < bytes.count {
                let result = pwrite(memory, base + written, bytes.count - written, off_t(pending + written))
                if result > 0 {
                    written += result
                } else if result < 0 && errno == EINTR {
                    continue
                } else {
                    return
                }
            }
        }
        pending += written
        // The next `collect` goes on after these bytes, not over them.
        _ = lseek(memory, off_t(pending), SEEK_SET)
    }

    /// Writes `bytes` straight to `descriptor`: where no memory file is at hand.
    static func writeDirectly(_ bytes: [UInt8], to descriptor: Int32) {
        var copy = bytes
        copy.withUnsafeMutableBytes { raw in
            guard let base = raw.baseAddress else { return }
            writeAll(descriptor, base, raw.count)
        }
    }

    /// Closes both descriptors; ncurses must be done with the stream (after `delscreen`).
    func release() {
        guard !isClosed else { return }
        isClosed = true
        fclose(stream)
        close(memory)
    }

    /// Writes `count` bytes, going on after a partial write or an interruption, and waiting while a
    /// non-blocking terminal is full. Gives up on any other error: the terminal is gone.
    private static func writeAll(_ descriptor: Int32, _ base: UnsafeMutableRawPointer, _ count: Int) {
        var written = 0
        while written < count {
            let result = write(descriptor, base + written, count - written)
            if result > 0 {
                written += result
            } else if result < 0 && errno == EINTR {
                continue
            } else if result < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                var ready = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                _ = poll(&ready, 1, -1)
            } else {
                return
            }
        }
    }
}
