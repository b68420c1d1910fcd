import Foundation

extension Reducer {
    /// The journal opened: its history goes under this run's lines in the Activity pane (so the pane is
    /// not empty after a restart), and an archive's seven days count from the first time any run saw it
    /// exported, when that is earlier than what GitHub's `updated_at` says now. A damaged file moved aside
    /// is said once, in the footer and the Activity pane.
    static func journalOpened(_ state: inout DashboardState, _ snapshot: JournalSnapshot) {
        let earlier = snapshot.activity.filter { entry in !state.activity.contains(entry) }
        state.activity += earlier
        state.activity.append(
            ActivityEntry(
                time: earlier.last?.time ?? state.now, kind: .info,
                text: "history from the journal \(snapshot.path)"))
        if state.activity.count > 1000 { state.activity.removeLast(state.activity.count - 1000) }
        for (key, date) in snapshot.firstExported where state.migrations[key]?.state == .exported {
            state.exportedAt[key] = min(state.exportedAt[key] ?? date, date)
        }
        state.journalExported = snapshot.firstExported
        // What earlier runs unlocked and deleted stays so: GitHub reports neither.
        for (key, repositories) in snapshot.unlocked { state.unlocked[key, default: []].formUnion(repositories) }
        state.archivesDeleted.formUnion(snapshot.archivesDeleted)
        journalExports(&state, snapshot)
        if let text = snapshot.movedAsideText {
            log(&state, .error, text, at: state.now)
            state.notice = (text, state.now.addingTimeInterval(30))
        }
    }
}
