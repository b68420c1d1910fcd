import DashboardCore
import GitHubMigrations
import Testing

@Suite("Lines the activity log and error messages write about actions")
struct ActionTextTests {
    private let request = StartMigrationRequest(
        repositories: ["octo-org/website", "octo-org/api"], lockRepositories: true)

    @Test("an organization's migration reads as a migration for the organization, never `a octo-org migration`")
    func organizationScope() {
        let action = Action.startMigration(.organization("octo-org"), request)
        #expect(action.attemptText == "start a migration for octo-org")
        #expect(action.doneText == "started a migration for octo-org of octo-org/website, octo-org/api (locked)")
        #expect(!action.attemptText.contains("a octo-org"))
    }

    @Test("a user migration reads as one")
    func userScope() {
        let action = Action.startMigration(.user, StartMigrationRequest(repositories: ["octocat/hello"]))
        #expect(action.attemptText == "start a user migration")
        #expect(action.doneText == "started a user migration of octocat/hello")
    }
}
