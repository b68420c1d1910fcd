import Foundation

/// Sends what is written to standard output to standard error until `restore()`, so a command's step
/// lines (written by parts shared with other commands) stay off the JSON document a script reads.
final class StandardOutputDiversion {
    /// A copy of the original standard output, or -1 when it could not be made (then nothing is diverted).
    private var saved: Int32

    /// Points standard output at standard error.
    init() {
        saved = dup(STDOUT_FILENO)
        if saved >= 0, dup2(STDERR_FILENO, STDOUT_FILENO) < 0 {
            close(saved)
            saved = -1
        }
    }

    /// Points standard output back where it was; later calls do nothing.
    func restore() {
        guard saved >= 0 else { return }
        dup2(saved, STDOUT_FILENO)
        close(saved)
        saved = -1
    }

    deinit { restore() }
}
