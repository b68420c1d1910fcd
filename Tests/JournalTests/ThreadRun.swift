import Foundation

/// Runs blocking work on a thread of its own and awaits it, so that two writers really run at once
/// rather than taking turns on the few threads of Swift's concurrency pool.
enum ThreadRun {
    /// Runs `body` on a new thread.
    static func run(_ body: @escaping @Sendable () throws -> Void) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            Thread {
                do {
                    try body()
                    continuation.resume()
                } catch {
                    continuation.resume(throwing: error)
                }
            }.start()
        }
    }
}
