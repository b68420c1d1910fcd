import GitHubMigrations

extension DashboardState {
    /// The selected migration's repositories as their pane lists them: narrowed by the pane's filter,
    /// in the pane's order. The selection and the keys that act on a row index this list.
    public var listedRepositories: [SimpleRepository] {
        let all = selectedRepositories
        let needle = (filters[.repositories] ?? "").lowercased()
        var listed = needle.isEmpty ? all : all.filter { $0.fullName.lowercased().contains(needle) }
        guard let key = selectedMigration else { return listed }
        switch repositorySort {
        case .listed: break
        case .name: listed.sort { $0.fullName.lowercased() < $1.fullName.lowercased() }
        case .locked:
            listed.sort { a, b in
                let (x, y) = (isLocked(key, repository: a.name), isLocked(key, repository: b.name))
                return x != y ? x : a.fullName.lowercased() < b.fullName.lowercased()
            }
        }
        return listed
    }

    /// The followed imports as their pane lists them: narrowed by the pane's filter (repository,
    /// status or URL), in the pane's order.
    public var listedImports: [ImportEntry] {
        let needle = (filters[.imports] ?? "").lowercased()
        var listed =
            needle.isEmpty
            ? imports
            : imports.filter { entry in
                [entry.repository.description, entry.progress?.status.rawValue ?? "", entry.progress?.vcsURL ?? ""]
                    .contains { $0.lowercased().contains(needle) }
            }
        switch importSort {
        case .followed: break
        case .repository:
            listed.sort { $0.repository.description.lowercased() < $1.repository.description.lowercased() }
        case .status: listed.sort { Self.importRank($0) < Self.importRank($1) }
        }
        return listed
    }

    /// Needs attention, then running (or not yet known), then complete; the followed order within each.
    private static func importRank(_ entry: ImportEntry) -> Int {
        guard let status = entry.progress?.status else { return 1 }
        if status.needsAttention { return 0 }
        return status.isComplete ? 2 : 1
    }

    /// What the selected row of a list pane is, by name (a migration key, a repository name, an import),
    /// so it can stay selected when the list is sorted or filtered again.
    public func selectedItem(of pane: PaneID) -> String? {
        switch pane {
        case .migrations: return selectedMigration?.description
        case .repositories: return selectedRepository?.name
        case .imports: return selectedImport?.repository.description
        case .activity: return nil
        }
    }

    /// Selects the row of `item` in a repositories or imports pane again, if the list still shows it.
    public mutating func reselect(_ item: String?, in pane: PaneID) {
        guard let item else { return }
        let index: Int? =
            switch pane {
            case .repositories: listedRepositories.firstIndex { $0.name == item }
            case .imports: listedImports.firstIndex { $0.repository.description == item }
            case .migrations, .activity: nil
            }
        guard let index else { return }
        var cursor = cursor(pane)
        cursor.selected = index
        cursors[pane] = cursor
    }

    /// The filter typed for a pane (empty when none).
    public func filter(of pane: PaneID) -> String { filters[pane] ?? "" }

    /// The order a pane is in, as the notice says it.
    public func sortName(of pane: PaneID) -> String {
        switch pane {
        case .migrations: sort.rawValue
        case .repositories: repositorySort.rawValue
        case .imports: importSort.rawValue
        case .activity: "newest first"
        }
    }

    /// The order a pane is in, as its title says it; nil for the default order, which goes unsaid.
    public func sortLabel(of pane: PaneID) -> String? {
        let isDefault =
            switch pane {
            case .migrations: sort == .newest
            case .repositories: repositorySort == .listed
            case .imports: importSort == .followed
            case .activity: true
            }
        return isDefault ? nil : sortName(of: pane)
    }
}
