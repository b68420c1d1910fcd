import Foundation

/// Reads the token from a file (`--token-file`) or standard input (`--token -`), the ways to give
/// one that keep it out of the process list, where every user of the machine can read arguments.
public enum TokenInput {
    /// A token is tens of bytes; a file past this is not one, and is not read further.
    static let maximumBytes = 4096

    /// The token in the file at `path`: its one line, without the line break. Refused: a file
    /// other users can read (as ssh refuses such a key), one that is neither a regular file nor a
    /// pipe, one larger than `maximumBytes`, and anything but one word of printable ASCII.
    public static func read(file path: String) throws(SettingsError) -> String {
        let shown = SettingsError.quoted(path)
        // Non-blocking, so a named pipe with no writer cannot hold the open for ever.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            throw SettingsError("cannot read the token file \(shown): \(reason(errno))")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw SettingsError("cannot read the token file \(shown): \(reason(errno))")
        }
        let kind = status.st_mode & S_IFMT
        guard kind == S_IFREG || kind == S_IFIFO else {
            throw SettingsError("the token file \(shown) is not a regular file")
        }
        let permissions = status.st_mode & 0o777
        guard permissions & 0o044 == 0 else {
            let mode = String(permissions, radix: 8)
            let padded = String(repeating: "0", count: max(0, 4 - mode.count)) + mode
            throw SettingsError(
                "the token file \(shown) can be read by other users (mode \(padded)); run chmod 600 \(shown)")
        }
        if kind == S_IFIFO {
            // A pipe (`--token-file <(pass show github)`) is read until its writer closes it.
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        }
        return try token(from: descriptor, named: "the token file \(shown)")
    }

    /// The token piped into standard input; refused when standard input is a terminal, where it
    /// would be typed in view (and a dashboard needs that terminal for its keys).
    public static func readStandardInput() throws(SettingsError) -> String {
        guard isatty(STDIN_FILENO) == 0 else {
            throw SettingsError(
                "--token - reads standard input, which is a terminal; pipe the token in, "
                    + "or use --token-file PATH or GH_TOKEN")
        }
        return try token(from: STDIN_FILENO, named: "standard input")
    }

    /// Makes the controlling terminal standard input again after the token came through a pipe, so
    /// the dashboard can read keys. Without a controlling terminal it changes nothing, and the
    /// dashboard says that standard input is not a terminal.
    public static func reattachTerminalInput() {
        guard isatty(STDIN_FILENO) == 0 else { return }
        let terminal = open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard terminal >= 0 else { return }
        dup2(terminal, STDIN_FILENO)
        close(terminal)
    }

    /// Reads at most `maximumBytes` (plus one, to see that there is more), drops one line break,
    /// and checks what is left is a token.
    static func token(from descriptor: Int32, named source: String) throws(SettingsError) -> String {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1024)
        while bytes.count <= maximumBytes {
            let count = Foundation.read(descriptor, &buffer, buffer.count)
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw SettingsError("cannot read \(source): \(reason(errno))") }
            if count == 0 { break }
            bytes += buffer[..<count]
        }
        guard bytes.count <= maximumBytes else {
            throw SettingsError("\(source) is larger than 4 KiB; a token is one line")
        }
        if bytes.last == UInt8(ascii: "\n") { bytes.removeLast() }
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        return try TokenResolver.checked(String(decoding: bytes, as: UTF8.self), from: source)
    }

    /// `no such file or directory`: strerror's words, lower-cased as the rest of the line is.
    private static func reason(_ number: Int32) -> String {
        let text = String(cString: strerror(number))
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
