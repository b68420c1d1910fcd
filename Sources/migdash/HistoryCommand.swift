import ArgumentParser
import DashboardCore
import Foundation
import GitHubMigrations
import Journal

/// `migdash history`: one migration's observed states and the actions taken on it, from the journal.
struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "One migration's states as migdash saw them, and what was done to it, from the journal.",
        discussion: """
            GitHub keeps no history of a migration: this is what the dashboard and the commands saw and \
            did, with the time of each. A state marked ~ was reached before migdash looked (seen already \
            so). --json prints one object. Exit status: 0; 2 usage or no journal kept; 4 the journal \
            knows nothing of the migration, or there is no journal yet.
            """
    )

    @OptionGroup var owner: ScopeOptions

    @Argument(help: "The migration's id.")
    var id: Int64

    @Flag(help: "Print one JSON object.")
    var json = false

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let journal = try await connection.openJournal().orExit()
        let key = MigrationKey(scope: owner.scope, id: id)
        let history: MigrationHistory
        do {
            history = try journal.history(of: key)
        } catch {
            throw CommandFailure.failed(error.description).exit()
        }
        guard history.firstSeen != nil || !history.actions.isEmpty else {
            throw CommandFailure.notFound("the journal knows nothing of migration \(id) of \(owner.scope)").exit()
        }
        if json {
            try Console.json(HistoryDocument(history, now: Date()))
            return
        }
        Console.line("migration \(id) of \(owner.scope)")
        if let created = history.createdAt { Console.line("created   \(created.ISO8601Format())") }
        if let first = history.firstSeen { Console.line("first seen \(first.ISO8601Format())") }
        if let duration = history.exportDuration(now: Date()) {
            let words = duration.finished ? "exported in" : "exporting for"
            Console.line(
                "\(words) \(TimeFormat.duration(duration.seconds))\(duration.approximate ? " (approximate)" : "")")
        }
        for observation in history.observations {
            let mark = observation.approximate ? "~" : " "
            Console.line(
                "\(observation.at.ISO8601Format()) \(mark) \(observation.state?.rawValue ?? "gone from the list")")
        }
        for action in history.actions { Console.line(LoggedEntry.line(action)) }
    }
}

/// `migdash history --json`: the migration, its observed states and the actions on it.
struct HistoryDocument: Encodable {
    struct Observation: Encodable {
        var at: String
        var state: String?
        var approximate: Bool
    }

    var id: Int64
    var scope: String
    var organization: String?
    var createdAt: String?
    var firstSeen: String?
    var exportSeconds: Double?
    var exportApproximate: Bool?
    var exportFinished: Bool?
    var repositories: [String]
    var observations: [Observation]
    var actions: [LoggedEntry]

    enum CodingKeys: String, CodingKey {
        case id, scope, organization, repositories, observations, actions
        case createdAt = "created_at"
        case firstSeen = "first_seen"
        case exportSeconds = "export_seconds"
        case exportApproximate = "export_approximate"
        case exportFinished = "export_finished"
    }

    init(_ history: MigrationHistory, now: Date) {
        id = history.key.id
        switch history.key.scope {
        case .user: scope = "user"
        case .organization(let login):
            scope = "organization"
            organization = login
        }
        createdAt = history.createdAt?.ISO8601Format()
        firstSeen = history.firstSeen?.ISO8601Format()
        let duration = history.exportDuration(now: now)
        exportSeconds = duration.map { $0.seconds.rounded() }
        exportApproximate = duration?.approximate
        exportFinished = duration?.finished
        repositories = history.repositories
        observations = history.observations.map {
            Observation(at: $0.at.ISO8601Format(), state: $0.state?.rawValue, approximate: $0.approximate)
        }
        actions = history.actions.map(LoggedEntry.init)
    }

    /// Every field, absent ones as `null`.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(scope, forKey: .scope)
        try container.encode(organization, forKey: .organization)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(firstSeen, forKey: .firstSeen)
        try container.encode(exportSeconds, forKey: .exportSeconds)
        try container.encode(exportApproximate, forKey: .exportApproximate)
        try container.encode(exportFinished, forKey: .exportFinished)
        try container.encode(repositories, forKey: .repositories)
        try container.encode(observations, forKey: .observations)
        try container.encode(actions, forKey: .actions)
    }
}
