import DashboardCore
import Foundation
import GitHubMigrations
import TerminalUI

/// The one line of text of each kind of entry, safe for a terminal.
enum EntryText {
    /// `octo-org #1042 exported`, `… found exported (changed while not watched)`, `… left GitHub's list`.
    static func observation(_ key: MigrationKey, state: String?, approximate: Bool) -> String {
        guard let state else { return safe("\(key) left GitHub's list") }
        return safe(approximate ? "\(key) found \(state) (reached while not watched)" : "\(key) \(state)")
    }

    /// `import of octo/website: importing`, or `… gone`.
    static func importStatus(_ repository: String, status: String?) -> String {
        safe("import of \(repository): \(status ?? "gone")")
    }

    /// `DELETE /orgs/octo-org/migrations/1042/archive by octocat: 204, request 0400:1B2C`, or the failure.
    static func mutation(_ record: MutationRecord, login: String) -> String {
        var text = "\(record.method) \(record.path) by \(login): "
        if let status = record.status { text += "\(status)" }
        if let failure = record.failure { text += record.status == nil ? "failed, \(failure)" : ", failed, \(failure)" }
        if record.status == nil, record.failure == nil { text += "no answer" }
        if let requestID = record.requestID { text += ", request \(requestID)" }
        return safe(text)
    }

    /// `octo-org #1042 archive downloaded to PATH (BYTES bytes, SHA-256 PREFIX…)`.
    static func download(_ key: MigrationKey, path: String, bytes: Int64, sha256: String) -> String {
        safe("\(key) archive downloaded to \(path) (\(bytes) bytes, SHA-256 \(sha256.prefix(12))…)")
    }

    /// `rate-limit: message`.
    static func problem(kind: String, message: String) -> String {
        safe("\(kind): \(message)")
    }

    /// One line, no control character.
    private static func safe(_ text: String) -> String {
        TerminalText.safe(text.replacingOccurrences(of: "\n", with: " "))
    }
}
