import Foundation

/// What an import reports at one moment.
struct ImportProgress: Sendable, Equatable {
    var status: String
    var statusText: String
    var vcs: String?
    var importPercent: Int?
    var commitCount: Int?
    var pushPercent: Int?
    var failedStep: String?
    var errorMessage: String?
    var authorsCount: Int?
    var projectChoices: [String] = []
    var largeFilesVisible = false
}

extension ImportRecord {
    /// The status at simulated time `now`: detecting, importing, mapping, pushing, complete, or a problem.
    ///
    /// Credential and project-choice problems show at once, so a client can reach them without waiting;
    /// an `error` import fails part way through its import step.
    func progress(at now: Date) -> ImportProgress {
        let fraction = duration > 0 ? now.timeIntervalSince(startedAt) / duration : 1
        let detected = vcs ?? Self.detectedVCS(for: vcsURL)
        switch trouble {
        case .authFailed:
            return ImportProgress(status: "auth_failed", statusText: "Authentication failed", vcs: detected)
        case .multipleProjects:
            return ImportProgress(
                status: "detection_found_multiple",
                statusText: "Multiple projects found",
                projectChoices: ["subversion", "git", "tfvc"]
            )
        case .error where fraction >= 0.35:
            var failed = running("error", "Error", detected, commits: 0.5)
            failed.importPercent = 50
            failed.failedStep = "import"
            failed.errorMessage = "The remote repository could not be read: the server closed the connection."
            return failed
        default:
            if fraction < Self.detectingShare {
                return ImportProgress(status: "detecting", statusText: "Detecting source", vcs: vcs)
            }
            return running(at: fraction, vcs: detected)
        }
    }

    private func running(at fraction: Double, vcs: String) -> ImportProgress {
        switch fraction {
        case ..<0.6:
            let share = (fraction - Self.detectingShare) / 0.5
            var progress = running("importing", "Importing...", vcs, commits: share)
            progress.importPercent = min(99, max(0, Int(share * 100)))
            return progress
        case ..<0.7:
            var progress = running("mapping", "Rewriting history", vcs, commits: 1)
            progress.importPercent = 100
            return progress
        case ..<1:
            var progress = running("pushing", "Pushing to GitHub", vcs, commits: 1)
            progress.importPercent = 100
            progress.pushPercent = min(99, max(0, Int((fraction - 0.7) / 0.3 * 100)))
            return progress
        default:
            var progress = running("complete", "Done", vcs, commits: 1)
            progress.importPercent = 100
            progress.pushPercent = 100
            return progress
        }
    }

    private func running(_ status: String, _ text: String, _ vcs: String, commits share: Double) -> ImportProgress {
        ImportProgress(
            status: status,
            statusText: text,
            vcs: vcs,
            commitCount: Int(Double(totalCommits) * min(1, max(0, share))),
            authorsCount: authors.count,
            largeFilesVisible: !largeFiles.isEmpty && share >= 0.5
        )
    }
}
