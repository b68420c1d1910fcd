import Foundation
import GitHubMigrations

/// One line of the journal: what happened, when, in words, with the request's details for a mutation.
public struct JournalEntry: Sendable, Equatable {
    /// Which table the entry comes from.
    public enum Kind: String, Sendable, CaseIterable {
        /// A migration's state as observed (or its leaving GitHub's list).
        case observation
        /// A source import's status as observed.
        case importStatus = "import"
        /// A request that changed something at GitHub.
        case mutation
        /// An archive downloaded and verified.
        case download
        /// An error worth keeping: a rate limit, an offline period, a failed download.
        case problem
    }

    /// When it happened (observed, answered, verified).
    public var at: Date
    /// What kind of entry it is.
    public var kind: Kind
    /// One line of text, safe for a terminal.
    public var text: String
    /// The migration it concerns, when it concerns one.
    public var migrationID: Int64?
    /// For a mutation: the request as recorded (method, path, body summary, status, request id, failure).
    public var mutation: MutationRecord?
    /// For a mutation: the host it went to.
    public var host: String?
    /// For a mutation: the login that sent it.
    public var login: String?

    /// An entry.
    public init(
        at: Date, kind: Kind, text: String, migrationID: Int64? = nil, mutation: MutationRecord? = nil,
        host: String? = nil, login: String? = nil
    ) {
        self.at = at
        self.kind = kind
        self.text = text
        self.migrationID = migrationID
        self.mutation = mutation
        self.host = host
        self.login = login
    }
}
