import DashboardCore
import GitHubMigrations
import TerminalUI

/// `Enter`: everything known about the selected migration, repository, import or activity line.
enum DetailsOverlay {
    static func draw(_ target: DetailsTarget, state: DashboardState, on canvas: inout Canvas) {
        let (title, lines) = content(target, state: state)
        let inner = canvas.dialog(width: 84, height: lines.count + 4, title: title)
        for (index, (label, value)) in lines.enumerated() where index < inner.height - 1 {
            canvas.text(DisplayWidth.pad(label, to: 22), x: inner.x + 1, y: inner.y + index, width: 22, .muted)
            canvas.text(value, x: inner.x + 24, y: inner.y + index, width: inner.width - 25, .dialog)
        }
        canvas.dialogFooter("Esc close", problem: nil, in: inner)
    }

    static func content(_ target: DetailsTarget, state: DashboardState) -> (String, [(String, String)]) {
        let format = state.session.timeFormat
        switch target {
        case .migration(let key):
            guard let m = state.migrations[key] else { return ("Migration", [("", "gone")]) }
            let row = MigrationRow(key, m, in: state)
            return (
                "Migration \(m.id)",
                [
                    ("scope", key.scope.description), ("state", m.state.rawValue), ("guid", m.guid),
                    ("created", format.timestamp(m.createdAt)), ("updated", format.timestamp(m.updatedAt)),
                    ("archive", row.archive), ("saved as", state.downloaded[key] ?? "-"),
                    ("lock_repositories", "\(m.lockRepositories)"), ("exclude_metadata", "\(m.excludeMetadata)"),
                    ("exclude_git_data", "\(m.excludeGitData)"), ("exclude_attachments", "\(m.excludeAttachments)"),
                    ("exclude_releases", "\(m.excludeReleases)"),
                    ("exclude_owner_projects", "\(m.excludeOwnerProjects)"),
                    ("repositories", m.repositories.map(\.fullName).joined(separator: ", ")),
                ]
            )
        case .repository(let key, let name):
            return (
                "Repository \(name)",
                [
                    ("migration", key.description),
                    ("lock", state.isLocked(key, repository: name) ? "locked" : "unlocked"),
                ]
            )
        case .sourceImport(let repo):
            guard let p = state.imports.first(where: { $0.repository == repo })?.progress else {
                return ("Import \(repo)", [("status", "loading")])
            }
            return (
                "Import into \(repo)",
                [
                    ("status", p.status.rawValue), ("status text", p.statusText ?? "-"), ("vcs", p.vcs ?? "detecting"),
                    ("vcs url", p.vcsURL), ("import percent", p.importPercent.map { "\($0)%" } ?? "-"),
                    ("push percent", p.pushPercent.map { "\($0)%" } ?? "-"),
                    ("commits", p.commitCount.map(String.init) ?? "-"),
                    ("authors", p.authorsCount.map(String.init) ?? "-"), ("use_lfs", p.useLFS?.rawValue ?? "-"),
                    ("large files", "\(p.largeFilesCount ?? 0) (\(p.largeFilesSize ?? 0) GB)"),
                    ("failed step", p.failedStep ?? "-"), ("error", p.errorMessage ?? "-"),
                    ("choices", (p.projectChoices ?? []).compactMap(\.humanName).joined(separator: ", ")),
                ]
            )
        case .activity(let index):
            guard state.activity.indices.contains(index) else { return ("Activity", []) }
            let entry = state.activity[index]
            return ("Activity", [("time", format.clockSeconds(entry.time)), ("text", entry.text)])
        }
    }
}
