import Foundation
import GitHubMigrations

/// A change sent to GitHub whose outcome is not known yet. While it is pending the same change cannot
/// be sent again, and the item it concerns says so: a second POST would start a second migration.
public struct PendingWrite: Sendable, Equatable {
    /// Where the write stands.
    public enum Phase: Sendable, Equatable {
        /// Sent; GitHub has not answered.
        case sending
        /// The answer was lost (a timeout, a 5xx, a cut connection): the change may have been made, so
        /// the list is checked until `until` for a migration this request started.
        case checking(until: Date)
    }

    /// The change.
    public var action: Action
    /// When it was sent.
    public var sentAt: Date
    /// Where it stands.
    public var phase: Phase = .sending
    /// For a migration start, the ids the scope listed when it was sent: a new one with the same
    /// repositories is this request's.
    public var knownIDs: Set<Int64> = []

    /// How long a lost answer is checked for before the start counts as not made.
    public static let checkWindow: TimeInterval = 120

    /// Creates a pending write sent at `sentAt`.
    public init(action: Action, sentAt: Date, knownIDs: Set<Int64> = []) {
        self.action = action
        self.sentAt = sentAt
        self.knownIDs = knownIDs
    }

    /// What the item concerned says while the write is out.
    public var label: String {
        switch (action, phase) {
        case (.startMigration, .checking): "may have been started; checking…"
        case (.startMigration, .sending): "starting…"
        case (.unlock, _): "unlocking…"
        case (.deleteArchive, _): "deleting…"
        case (.cancelImport, _): "cancelling…"
        case (.startImport, _): "starting…"
        case (.mapAuthor, _): "mapping…"
        case (.setLFS, _), (.updateImport, _): "saving…"
        }
    }
}

extension StartMigrationRequest {
    /// True when `migration` lists exactly this request's repositories (names compared without owner).
    func matches(_ migration: Migration) -> Bool {
        let asked = Set(repositories.map { $0.split(separator: "/").last.map(String.init) ?? $0 })
        return !asked.isEmpty && asked == Set(migration.repositories.map(\.name))
    }
}
