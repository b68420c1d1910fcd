import Foundation

/// Changes to make on GitHub one after another, a second apart, as GitHub asks of clients that send
/// many writes: the deletions, unlocks or cancellations of marked rows, or one migration start per
/// repository. Each action is sent at most once.
public struct ActionBatch: Sendable, Equatable {
    /// What the batch does, for its summary: `delete archives`, `start migrations`.
    public var title: String
    /// Actions not sent yet, first to go first.
    public var waiting: [Action]
    /// The action sent whose answer is awaited.
    public var current: Action?
    /// Actions in the batch at the start.
    public var total: Int
    /// Actions GitHub carried out.
    public var done: [Action] = []
    /// Actions that failed, with why.
    public var failed: [(action: Action, reason: String)] = []
    /// True when the first failure stops the rest (migration starts: the user decides again).
    public var stopsOnFailure: Bool
    /// Set when a failure stopped the batch: the actions left unsent.
    public var abandoned: [Action] = []
    /// The dialog that made a batch of migration starts: `n` offers it again with what did not start.
    public var retryForm: NewMigrationForm?

    /// A batch of `actions`, in order.
    public init(title: String, actions: [Action], stopsOnFailure: Bool = false) {
        self.title = title
        waiting = actions
        total = actions.count
        self.stopsOnFailure = stopsOnFailure
    }

    /// Actions answered so far (done or failed).
    public var answered: Int { done.count + failed.count }

    /// True once nothing is waiting or out.
    public var isFinished: Bool { waiting.isEmpty && current == nil }

    /// `2/5`: progress for the status bar.
    public var progress: String { "\(answered)/\(total)" }

    /// Equal when the same actions stand the same way (reasons compared as text).
    public static func == (lhs: ActionBatch, rhs: ActionBatch) -> Bool {
        lhs.title == rhs.title && lhs.waiting == rhs.waiting && lhs.current == rhs.current && lhs.total == rhs.total
            && lhs.done == rhs.done && lhs.failed.map(\.action) == rhs.failed.map(\.action)
            && lhs.failed.map(\.reason) == rhs.failed.map(\.reason) && lhs.stopsOnFailure == rhs.stopsOnFailure
            && lhs.abandoned == rhs.abandoned && lhs.retryForm == rhs.retryForm
    }

    /// Seconds GitHub asks between two writes.
    public static let spacing: TimeInterval = 1
}
