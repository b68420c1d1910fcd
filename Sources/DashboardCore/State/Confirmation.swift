/// A question asked before a destructive action or a large piece of work, answered with `y` or `n`.
public struct Confirmation: Sendable, Equatable {
    /// What `y` sets off.
    public enum Work: Sendable, Equatable {
        /// A change on GitHub.
        case github(Action)
        /// Downloads of these archives, through the download queue.
        case downloads([MigrationKey])
        /// Changes on GitHub one after another, a second apart.
        case batch(ActionBatch)
    }

    /// What happens on `y`.
    public var work: Work
    /// The question.
    public var question: String
    /// What it means, in a line.
    public var consequence: String
    /// True once a frame showing the question reached the terminal at a size that shows it: only then
    /// does `y` count, so keys typed ahead (or pressed behind a "too small" screen) never answer it.
    public var seen = false

    /// A question before a change on GitHub.
    public init(action: Action, question: String, consequence: String) {
        self.init(work: .github(action), question: question, consequence: consequence)
    }

    /// A question before any kind of work.
    public init(work: Work, question: String, consequence: String) {
        self.work = work
        self.question = question
        self.consequence = consequence
    }

    /// The change on GitHub that `y` makes, if that is the work.
    public var action: Action? {
        guard case .github(let action) = work else { return nil }
        return action
    }
}
