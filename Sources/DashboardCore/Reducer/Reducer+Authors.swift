import Foundation
import GitHubMigrations
import TerminalUI

extension Reducer {
    /// Keys in the author-mapping dialog: pick an author, Tab to the name and email, Enter to map.
    static func authorsKey(_ state: inout DashboardState, _ key: Key, _ form: inout AuthorsForm) -> [Effect] {
        switch key {
        case .escape:
            state.overlay = nil
        case .tab:
            form.field = form.field.cycled(by: 1)
        case .backTab:
            form.field = form.field.cycled(by: -1)
        case .up where form.field == .list, .down where form.field == .list,
            .character("j") where form.field == .list, .character("k") where form.field == .list:
            let up = key == .up || key == .character("k")
            form.cursor.move(by: up ? -1 : 1, count: form.authors?.count ?? 0)
            fillAuthorFields(&form)
        case .enter:
            guard let author = form.selected else { return [] }
            guard !form.email.text.isEmpty || !form.name.text.isEmpty else {
                notify(&state, "type a name or an email first (Tab)")
                return []
            }
            let mapping = AuthorMapping(
                email: form.email.text.isEmpty ? nil : form.email.text,
                name: form.name.text.isEmpty ? nil : form.name.text)
            return submit(&state, .mapAuthor(form.repository, author, mapping))
        default:
            switch form.field {
            case .name: form.name.edit(key)
            case .email: form.email.edit(key)
            case .list: break
            }
        }
        return []
    }

    /// Puts the selected author's current name and email into the fields.
    static func fillAuthorFields(_ form: inout AuthorsForm) {
        form.name = TextField(form.selected?.name ?? "")
        form.email = TextField(form.selected?.email ?? "")
    }
}
