/// Why a helper of the end-to-end tests gave up; each case carries what a reader needs to see the cause.
public enum TestSupportError: Error, CustomStringConvertible {
    /// The executable under test is missing.
    case binaryNotBuilt(String)
    /// A program the tests need is not on `PATH`.
    case programNotFound(String)
    /// A helper command exited with a failure.
    case commandFailed(command: String, status: Int32, output: String)
    /// Screen text did not appear in time; carries the last screen seen.
    case screenTimeout(waitingFor: String, seconds: Double, lastScreen: String)
    /// A process did not print what was expected in time.
    case outputTimeout(waitingFor: String, seconds: Double, output: String)
    /// An HTTP exchange with the simulator did not give the expected answer.
    case unexpectedResponse(String)

    /// A message that shows the evidence, the last screen included.
    public var description: String {
        switch self {
        case .binaryNotBuilt(let path):
            "no migdash executable at \(path); build it first with `swift build` (or set MIGDASH_BINARY)"
        case .programNotFound(let name):
            "\(name) is not on PATH; the end-to-end tests need it"
        case .commandFailed(let command, let status, let output):
            "`\(command)` exited with \(status): \(output)"
        case .screenTimeout(let text, let seconds, let screen):
            "waited \(seconds) s for \(text); last screen:\n\(screen)"
        case .outputTimeout(let text, let seconds, let output):
            "waited \(seconds) s for \(text); output so far:\n\(output)"
        case .unexpectedResponse(let detail):
            detail
        }
    }
}
