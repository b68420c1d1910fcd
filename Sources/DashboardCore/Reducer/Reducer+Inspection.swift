import Foundation

extension Reducer {
    /// Opens the archive overlay and asks the runtime to read the archive, unless this file was read already.
    static func openArchive(_ state: inout DashboardState, _ key: MigrationKey) -> [Effect] {
        guard let path = state.downloaded[key] else { return [] }
        state.overlay = .archive(key)
        switch state.inspections[key] {
        case .read(path, _)?, .reading(path)?:
            return []
        default:
            state.inspections[key] = .reading(path: path)
            return [.inspectArchive(key, path: path)]
        }
    }

    /// The reading of an archive, finished or failed; a reading of a file since replaced is dropped.
    static func reduceInspection(_ state: inout DashboardState, _ event: Event) -> [Effect] {
        switch event {
        case .archiveInspected(let key, let path, let report) where state.inspections[key]?.path == path:
            state.inspections[key] = .read(path: path, report)
            if !report.verdict.isIntact {
                log(&state, .error, "the archive of \(key) is \(report.verdict.summary)", at: state.now)
            }
        case .archiveInspectionFailed(let key, let path, let reason) where state.inspections[key]?.path == path:
            state.inspections[key] = .failed(path: path, reason: reason)
        default:
            break
        }
        return []
    }
}
