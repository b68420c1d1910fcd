import Foundation

/// Changes to make on GitHub one after another, a second apart, as GitHub asks of clients that send
/// many writes: the deletions, unlocks or cancellations of marked rows, or one migration start per
/// repository. Each action is sent at most once.
public struct ActionBatch: Sendable, Equatable {
    /// What the batch does, for its summary: `delete archives`, `start migrations`.
    public var title: String
    /// Actions not sent yet, first to go first.
    public private(set) var waiting: [Action]
    /// The migrations whose archive deletion is among `waiting`: what a row asks each frame, in one lookup.
    public private(set) var archivesWaiting: Set<MigrationKey> = []
    /// The action sent whose answer is awaited.
    public var current: Action?
    /// Actions in the batch at the start.
    public var total: Int
    /// Actions GitHub carried out.
    public var done: [Action] = []
    /// Actions that failed, with why.
    public var failed: [Failure] = []
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
        archivesWaiting = Set(actions.compactMap(Self.archive(of:)))
    }

    /// Takes the next action to send, if any.
    public mutating func takeNext() -> Action? {
        guard !waiting.isEmpty else { return nil }
        let action = waiting.removeFirst()
        if let key = Self.archive(of: action) { archivesWaiting.remove(key) }
        return action
    }

    /// Puts an action back at the front (one a rate limit refused, to go again).
    public mutating func putBack(_ action: Action) {
        waiting.insert(action, at: 0)
        if let key = Self.archive(of: action) { archivesWaiting.insert(key) }
    }

    /// Stops the batch: whatever waits is left unsent.
    public mutating func abandonRest() {
        abandoned = waiting
        waiting = []
        archivesWaiting = []
    }

    private static func archive(of action: Action) -> MigrationKey? {
        if case .deleteArchive(let key) = action { return key }
        return nil
    }

    /// Actions answered so far (done or failed).
    public var answered: Int { done.count + failed.count }

    /// True once nothing is waiting or out.
    public var isFinished: Bool { waiting.isEmpty && current == nil }

    /// `2/5`: progress for the status bar.
    public var progress: String { "\(answered)/\(total)" }

    /// An action that failed, and why, in the user's words.
    public struct Failure: Sendable, Equatable {
        /// The action.
        public var action: Action
        /// Why it failed.
        public var reason: String
    }

    /// Seconds GitHub asks between two writes.
    public static let spacing: TimeInterval = 1
}
