/// Waits for a condition by looking again every few milliseconds until a deadline: the only kind of
/// waiting the end-to-end tests do (a fixed sleep is either too short on a busy machine or wasted time).
public enum Polling {
    /// Returns once `condition` holds; throws `TestSupportError.outputTimeout` naming `description` at the deadline.
    public static func until(
        _ description: String, timeout: Duration = .seconds(10), every interval: Duration = .milliseconds(20),
        _ condition: () async throws -> Bool
    ) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while try await !condition() {
            guard clock.now < deadline else {
                throw TestSupportError.outputTimeout(
                    waitingFor: description, seconds: Double(timeout.components.seconds), output: "")
            }
            try await Task.sleep(for: interval)
        }
    }
}
