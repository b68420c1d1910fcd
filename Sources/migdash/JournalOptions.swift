import DashboardApp
import Foundation
import GitHubMigrations
import Journal

extension ConnectionOptions {
    /// The journal of this host and login, for the commands that read it (`log`, `history`): the file
    /// `--journal` or `journal:` names, else the default one of the login GitHub names for the token.
    /// Not found is exit 4; no journal kept (`--no-journal`, `journal: off`) is a usage error.
    func openJournal() async -> Result<Journal, CommandFailure> {
        let settings: ConnectionSettings
        let url: URL
        do {
            var options = LaunchOptions()
            try apply(to: &options)
            settings = try Settings.resolveConnection(options, environment: ProcessInfo.processInfo.environment)
        } catch {
            return .failure(.usage("\(error)"))
        }
        switch settings.journal {
        case .off:
            return .failure(.usage("no journal is kept (--no-journal or journal: off)"))
        case .file(let file):
            url = file
        case .perAccount(let environment):
            do {
                url = Journal.defaultURL(
                    host: settings.host, login: try await settings.login(), environment: environment)
            } catch {
                return .failure(.of(error))
            }
        }
        // Reading never makes a journal: none there yet is "not found", not a new empty file.
        guard FileManager.default.fileExists(atPath: url.path) else {
            return .failure(.notFound("no journal at \(url.path) yet: migdash has recorded nothing for this account"))
        }
        do {
            return .success(try Journal.open(at: url, now: Date()))
        } catch {
            return .failure(.failed(error.description))
        }
    }
}

/// One journal entry as `migdash log --json` and `migdash history --json` print it.
struct LoggedEntry: Encodable {
    var at: String
    var kind: String
    var text: String
    var migrationID: Int64?
    var method: String?
    var path: String?
    var body: String?
    var status: Int?
    var requestID: String?
    var failure: String?
    var host: String?
    var login: String?

    enum CodingKeys: String, CodingKey {
        case at, kind, text, method, path, body, status, failure, host, login
        case migrationID = "migration_id"
        case requestID = "request_id"
    }

    init(_ entry: JournalEntry) {
        at = entry.at.ISO8601Format()
        kind = entry.kind.rawValue
        text = entry.text
        migrationID = entry.migrationID
        method = entry.mutation?.method
        path = entry.mutation?.path
        body = entry.mutation?.body
        status = entry.mutation?.status
        requestID = entry.mutation?.requestID
        failure = entry.mutation?.failure
        host = entry.host
        login = entry.login
    }

    /// Every field, absent ones as `null`, as every `--json` of migdash.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(at, forKey: .at)
        try container.encode(kind, forKey: .kind)
        try container.encode(text, forKey: .text)
        try container.encode(migrationID, forKey: .migrationID)
        try container.encode(method, forKey: .method)
        try container.encode(path, forKey: .path)
        try container.encode(body, forKey: .body)
        try container.encode(status, forKey: .status)
        try container.encode(requestID, forKey: .requestID)
        try container.encode(failure, forKey: .failure)
        try container.encode(host, forKey: .host)
        try container.encode(login, forKey: .login)
    }

    /// The entry as one line for a person: its time, its kind and its text.
    static func line(_ entry: JournalEntry) -> String {
        "\(entry.at.ISO8601Format())  \(entry.kind.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0))  \(entry.text)"
    }
}
