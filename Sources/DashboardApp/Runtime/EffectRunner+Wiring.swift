import DashboardCore
import Foundation
import GitHubMigrations

extension EffectRunner {
    /// The runner both runtimes (the screen's and `migdash watch`'s) start with: a client for `apiURL`
    /// whose secondary-limit pauses reach `inbox` and whose mutations reach the journal, and the journal
    /// `settings` choose, whose first failure reaches `inbox` once.
    static func wired(_ settings: Settings, apiURL: String, token: String, inbox: EventInbox) -> EffectRunner {
        var configuration = ClientConfiguration(baseURL: apiURL, token: token)
        configuration.onPause = { until in
            inbox.post(.apiPaused(APIPause(reason: "GitHub's secondary rate limit", until: until)))
        }
        let recorder = JournalRecorder(settings.journal, host: settings.host) { problem in
            inbox.post(.journalUnavailable(problem, at: Date()))
        }
        configuration.onMutation = { recorder.record($0) }
        return EffectRunner(
            client: GitHubClient(configuration: configuration), inbox: inbox,
            downloadDirectory: settings.downloadDirectory, recorder: recorder)
    }
}
