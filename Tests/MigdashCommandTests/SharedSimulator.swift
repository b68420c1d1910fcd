import Foundation
import TestSupport
import Testing

/// One `migdash simulate` for a whole suite: started before its first test, stopped after its last, and
/// reached by each test as `SharedSimulator.current`. Starting a simulator per test costs a process
/// and a second or two of a loaded machine; a suite that shares one should be `.serialized`, since a
/// queued fault or the request log would otherwise be another test's.
struct SharedSimulator: SuiteTrait, TestScoping {
    /// The simulator of the suite running now.
    @TaskLocal static var current: SimulatorProcess?

    /// Arguments for `migdash simulate`, after `--port 0`.
    let arguments: [String]

    /// Once per suite, not once per test.
    var isRecursive: Bool { false }

    /// Runs the suite's tests with a simulator started for them.
    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        let simulator = try await SimulatorProcess(arguments: arguments, timeout: .seconds(60))
        defer { simulator.terminate() }
        try await Self.$current.withValue(simulator) { try await function() }
    }

    /// The suite's simulator, or a test failure naming the missing trait.
    static func simulator() throws -> SimulatorProcess {
        try #require(current, "the suite needs the .sharedSimulator trait")
    }
}

extension Trait where Self == SharedSimulator {
    /// One `migdash simulate ARGUMENTS` for the whole suite.
    static func sharedSimulator(_ arguments: [String] = []) -> SharedSimulator {
        SharedSimulator(arguments: arguments)
    }
}
