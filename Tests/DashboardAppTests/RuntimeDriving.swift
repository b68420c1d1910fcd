import DashboardCore
import Foundation
import TerminalUI

@testable import DashboardApp

/// What the in-process runtime tests share: the loop on a thread of its own, as the app runs it on its
/// main thread, and stepping it until a frame shows what a test waits for.
enum RuntimeDriving {
    /// A test waited too long, or found the screen not as it should be.
    struct Timeout: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs blocking code on a thread of its own, so the tasks of the client and the simulator keep the
    /// shared pool.
    static func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }

    /// Steps the runtime until the frame satisfies `condition`, or fails after `seconds`.
    static func stepUntil(
        _ runtime: DashboardRuntime, _ terminal: ScriptedTerminal, seconds: Double = 30, _ what: String,
        _ condition: (CellGrid) -> Bool
    ) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            runtime.step(maximumWait: 0.05)
            if let frame = terminal.lastFrame, condition(frame) { return }
        }
        throw Timeout(description: "no \(what) on screen:\n\(terminal.lastFrame?.text ?? "(nothing)")")
    }
}
