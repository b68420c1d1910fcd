import Foundation
import GitHubMigrations
import TerminalUI

extension DialogPage {
    /// `Enter`: everything known about the selected migration, repository, import or activity line,
    /// times in the session's zone, long values wrapped.
    public static func details(_ target: DetailsTarget, top: Int = 0, in state: DashboardState) -> DialogPage {
        let (title, rows) = detailRows(target, in: state)
        return DialogPage(
            title: title, preferredWidth: 84, screen: state.size, top: top, footer: [Span("Esc close", .dialogMuted)],
            scrollKeys: "j/k scroll"
        ) { width in table(rows, width: width, maxLabel: 22) }
    }

    /// The title and the rows of a details dialog.
    static func detailRows(_ target: DetailsTarget, in state: DashboardState) -> (String, [Row]) {
        let format = state.session.timeFormat
        switch target {
        case .migration(let key):
            guard let m = state.migrations[key] else { return ("Migration", [Row("", "gone")]) }
            let row = MigrationRow(key, m, in: state)
            return (
                "Migration \(m.id)",
                [
                    Row("scope", key.scope.description), Row("state", m.state.rawValue), Row("guid", m.guid),
                    Row("created", format.timestamp(m.createdAt)), Row("updated", format.timestamp(m.updatedAt)),
                    Row("archive", row.archive), Row("saved as", state.downloaded[key] ?? "-"),
                    Row("lock_repositories", "\(m.lockRepositories)"), Row("exclude_metadata", "\(m.excludeMetadata)"),
                    Row("exclude_git_data", "\(m.excludeGitData)"),
                    Row("exclude_attachments", "\(m.excludeAttachments)"),
                    Row("exclude_releases", "\(m.excludeReleases)"),
                    Row("exclude_owner_projects", "\(m.excludeOwnerProjects)"),
                    Row("repositories", m.repositories.map(\.fullName).joined(separator: ", ")),
                ] + exportRows(key, m, in: state) + historyRows(key, in: state)
            )
        case .repository(let key, let name):
            return (
                "Repository \(name)",
                [
                    Row("migration", key.description),
                    Row("lock", state.isLocked(key, repository: name) ? "locked" : "unlocked"),
                ]
            )
        case .sourceImport(let repo):
            return importRows(repo, in: state)
        case .activity(let index):
            guard state.activity.indices.contains(index) else { return ("Activity", []) }
            let entry = state.activity[index]
            let role: ThemeRole = entry.kind == .error ? .dialogError : .dialog
            return ("Activity", [Row("time", format.timestamp(entry.time)), Row("text", entry.text, role)])
        }
    }

    private static func importRows(_ repo: RepositoryName, in state: DashboardState) -> (String, [Row]) {
        guard let p = state.imports.first(where: { $0.repository == repo })?.progress else {
            return ("Import \(repo)", [Row("status", "loading")])
        }
        return (
            "Import into \(repo)",
            [
                Row("status", p.status.rawValue), Row("status text", p.statusText ?? "-"),
                Row("vcs", p.vcs ?? "detecting"), Row("vcs url", p.vcsURL),
                Row("import percent", p.importPercent.map { "\($0)%" } ?? "-"),
                Row("push percent", p.pushPercent.map { "\($0)%" } ?? "-"),
                Row("commits", p.commitCount.map(String.init) ?? "-"),
                Row("authors", p.authorsCount.map(String.init) ?? "-"), Row("use_lfs", p.useLFS?.rawValue ?? "-"),
                Row("large files", "\(p.largeFilesCount ?? 0) (\(p.largeFilesSize ?? 0) GB)"),
                Row("failed step", p.failedStep ?? "-"),
                Row("error", p.errorMessage ?? "-", p.errorMessage == nil ? .dialog : .dialogError),
                Row("choices", (p.projectChoices ?? []).compactMap(\.humanName).joined(separator: ", ")),
            ]
        )
    }

    /// The question before a destructive action: the question, then what it means, wrapped.
    public static func confirm(_ confirmation: Confirmation, in state: DashboardState) -> DialogPage {
        let longest = max(DisplayWidth.of(confirmation.question), DisplayWidth.of(confirmation.consequence))
        return DialogPage(
            title: "Confirm", preferredWidth: min(72, max(44, longest + 4)), screen: state.size, danger: true,
            footer: [Span("y confirm · n or Esc cancel", .dialogMuted)], scrollKeys: ""
        ) { width in
            paragraph(confirmation.question, width: width, .dialogEmphasis)
                + paragraph(confirmation.consequence, width: width, .dialog)
        }
    }
}
