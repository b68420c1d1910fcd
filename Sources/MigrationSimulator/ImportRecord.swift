import Foundation

/// A commit author the importer found in the source repository.
struct ImportAuthorRecord: Sendable, Equatable {
    let id: Int
    let remoteID: String
    let remoteName: String
    var email: String
    var name: String
}

/// A file over 100 MB the importer found.
struct LargeFileRecord: Sendable, Equatable {
    let refName: String
    let path: String
    let oid: String
    let size: Int
}

/// One source import into a repository, advancing over simulated time.
struct ImportRecord: Sendable {
    /// A problem the import runs into, chosen by words in the `vcs_url`.
    enum Trouble: Sendable, Equatable {
        /// `auth-failed` in the URL: stuck until credentials arrive.
        case authFailed
        /// `multiple` in the URL: detection finds several projects until `vcs` is chosen.
        case multipleProjects
        /// `error` in the URL: the import step fails part way.
        case error
    }

    let owner: String
    let repository: String
    var vcsURL: String
    var vcs: String?
    var tfvcProject: String?
    var startedAt: Date
    /// Simulated seconds from `detecting` to `complete`.
    var duration: Double
    var trouble: Trouble?
    /// Credentials arrived by PATCH, so `auth-failed` URLs no longer fail.
    var hasCredentials = false
    /// A `vcs` was chosen by PATCH, so `multiple` URLs no longer stop at detection.
    var projectChosen = false
    /// `undecided`, `opt_in` or `opt_out`; shown as the boolean `use_lfs`.
    var lfsChoice = "undecided"
    var authors: [ImportAuthorRecord]
    let largeFiles: [LargeFileRecord]
    let totalCommits: Int

    /// The trouble a URL asks for by naming convention.
    static func trouble(for url: String) -> Trouble? {
        let lowered = url.lowercased()
        if lowered.contains("auth-failed") { return .authFailed }
        if lowered.contains("multiple") { return .multipleProjects }
        if lowered.contains("error") { return .error }
        return nil
    }

    /// The VCS detection settles on for a URL.
    static func detectedVCS(for url: String) -> String {
        let lowered = url.lowercased()
        if lowered.contains("svn") { return "subversion" }
        if lowered.contains("hg") || lowered.contains("mercurial") { return "mercurial" }
        if lowered.contains("tfs") || lowered.contains("tfvc") { return "tfvc" }
        return "git"
    }

    /// Starts (or restarts) the clock; a known `vcs` skips the detection phase.
    mutating func restart(at now: Date) {
        trouble = Self.trouble(for: vcsURL)
        if trouble == .authFailed && hasCredentials || trouble == .multipleProjects && projectChosen { trouble = nil }
        startedAt = vcs == nil ? now : now.addingTimeInterval(-duration * Self.detectingShare)
    }

    /// Continues from the `importing` phase after a problem was fixed.
    mutating func resume(at now: Date) {
        trouble = nil
        startedAt = now.addingTimeInterval(-duration * Self.detectingShare)
    }

    /// The fraction of the run spent detecting.
    static let detectingShare = 0.1
}
