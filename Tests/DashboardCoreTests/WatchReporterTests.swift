import DashboardCore
import Foundation
import GitHubMigrations
import Testing

/// `migdash watch`'s events, read off the reducer's change feed: what is news, and what is said once.
@Suite("Watch events")
struct WatchReporterTests {
    let now = StateFixture.now
    let org = StateFixture.org

    /// A reporter that has seen the populated dashboard's first readings.
    private func watching() -> (DashboardState, WatchReporter, [WatchEvent]) {
        var state = StateFixture.populated()
        var reporter = WatchReporter()
        let first = reporter.events(&state)
        return (state, reporter, first)
    }

    @Test("The first reading is not news: a ready event with the count, and only what needs acting on now")
    func firstReadingIsQuiet() {
        let (_, _, first) = watching()
        // 1035's archive (exported 590,000 s ago) has 14,800 s left and is not saved: that is news at once.
        #expect(first.map(\.event) == [.ready, .archiveExpiring])
        #expect(first.first?.migrations == 5)
        #expect(first.last?.id == 1035)
    }

    @Test("A change of state and a new migration are one event each, with the documented fields")
    func changesAreEvents() throws {
        var (state, reporter, _) = watching()
        var list = StateFixture.orgMigrations
        list[0].state = .exported
        list.insert(StateFixture.migration(1050, .pending, created: 5, repos: ["octo-org/new"]), at: 0)
        _ = Reducer.reduce(&state, .onlyPage(org, list, at: now.addingTimeInterval(10)))
        let events = reporter.events(&state)
        #expect(events.map(\.event) == [.migrationNew, .migrationState])
        let new = try #require(events.first)
        #expect(new.id == 1050 && new.organization == "octo-org" && new.scope == "organization")
        #expect(new.state == "pending" && new.repositories == ["octo-org/new"])
        let change = try #require(events.last)
        #expect(change.id == 1042 && change.from == "exporting" && change.state == "exported")
        #expect(change.at == "2026-11-22T14:02:20Z")
        #expect(reporter.events(&state).isEmpty, "each change is reported once")
    }

    @Test("The ready event waits until every watched scope's list has been read")
    func readyWaitsForEveryScope() {
        var state = StateFixture.awaitingOrg()
        var reporter = WatchReporter()
        #expect(reporter.events(&state).isEmpty)
        _ = Reducer.reduce(&state, .onlyPage(org, StateFixture.orgMigrations, at: now))
        // The archive with under a day left is said with `ready`, not a minute after it.
        #expect(reporter.events(&state).map(\.event) == [.ready, .archiveExpiring])
    }

    @Test("An archive not saved is reported once with under a day left; a saved one is not")
    func expiringArchives() throws {
        var (state, reporter, _) = watching()
        // 1038 was exported at now - 89,000 s; its seven days end at now + 515,800 s.
        let expiry = now.addingTimeInterval(-89_000 + 7 * 86_400)
        _ = Reducer.reduce(&state, .tick(expiry.addingTimeInterval(-3_600)))
        let events = reporter.events(&state).filter { $0.id == 1038 }
        #expect(events.map(\.event) == [.archiveExpiring])
        #expect(events.first?.expiresAt == "2026-11-28T13:18:50Z")
        _ = Reducer.reduce(&state, .tick(expiry.addingTimeInterval(-1_000)))
        #expect(reporter.events(&state).isEmpty, "said once")

        var saved = StateFixture.populated()
        var other = WatchReporter()
        _ = other.events(&saved)
        _ = Reducer.reduce(&saved, .archivesFound([MigrationKey(scope: org, id: 1038): "/backups/1038.tar.gz"]))
        _ = Reducer.reduce(&saved, .tick(expiry.addingTimeInterval(-3_600)))
        #expect(other.events(&saved).allSatisfy { $0.id != 1038 })
    }

    @Test("An archive whose seven days end while watched is reported gone; one gone before the watch is not")
    func expiredArchives() {
        var (state, reporter, _) = watching()
        // 1035 was exported at now - 590,000 s: its archive expires 14,800 s after the watch began.
        _ = Reducer.reduce(&state, .tick(now.addingTimeInterval(20_000)))
        let gone = reporter.events(&state).filter { $0.event == .archiveDeleted }
        #expect(gone.map(\.id) == [1035])
        #expect(gone.first?.reason?.contains("seven days") == true)

        // A watch begun after that expiry says nothing of it.
        var later = StateFixture.populated()
        _ = Reducer.reduce(&later, .tick(now.addingTimeInterval(20_000)))
        var fresh = WatchReporter()
        #expect(fresh.events(&later).allSatisfy { $0.event != .archiveDeleted })
    }

    @Test("A low rate limit is reported once per window, and again in the next")
    func lowRateLimit() {
        var (state, reporter, _) = watching()
        let reset = now.addingTimeInterval(1_800)
        _ = Reducer.reduce(
            &state, .rateLimitUpdated(RateLimit(limit: 5_000, remaining: 600, used: 4_400, reset: reset)))
        #expect(reporter.events(&state).isEmpty, "12% left is not low")
        _ = Reducer.reduce(
            &state, .rateLimitUpdated(RateLimit(limit: 5_000, remaining: 499, used: 4_501, reset: reset)))
        let low = reporter.events(&state)
        #expect(low.map(\.event) == [.rateLimitLow])
        #expect(low.first?.remaining == 499 && low.first?.limit == 5_000)
        _ = Reducer.reduce(
            &state, .rateLimitUpdated(RateLimit(limit: 5_000, remaining: 300, used: 4_700, reset: reset)))
        #expect(reporter.events(&state).isEmpty)
        let next = reset.addingTimeInterval(3_600)
        _ = Reducer.reduce(&state, .rateLimitUpdated(RateLimit(limit: 5_000, remaining: 10, used: 4_990, reset: next)))
        #expect(reporter.events(&state).map(\.event) == [.rateLimitLow])
    }

    @Test("Every list failing is a lost connection, with the reason; answers again restore it")
    func connectionLostAndRestored() throws {
        var (state, reporter, _) = watching()
        let offline = GitHubError(kind: .offline, message: "connection refused", request: "GET /user/migrations")
        let later = now.addingTimeInterval(40)
        for scope in state.watchedScopes {
            _ = Reducer.reduce(&state, .requestFailed(.loadFirstPage(scope), offline, at: later))
        }
        let lost = reporter.events(&state)
        #expect(lost.map(\.event) == [.connectionLost])
        #expect(try #require(lost.first?.reason).isEmpty == false)
        _ = Reducer.reduce(&state, .frontUnchanged(.user, at: later.addingTimeInterval(30)))
        _ = Reducer.reduce(&state, .frontUnchanged(org, at: later.addingTimeInterval(30)))
        #expect(reporter.events(&state).map(\.event) == [.connectionRestored])
    }

    @Test("An import's change of status is an event; its first reading is not")
    func importStatus() {
        var (state, reporter, _) = watching()
        let repo = RepositoryName("octo-org/legacy")!
        _ = Reducer.reduce(&state, .importsDiscovered([repo]))
        _ = Reducer.reduce(&state, .importLoaded(repo, StateFixture.sourceImport("importing", percent: 10), at: now))
        #expect(reporter.events(&state).isEmpty)
        _ = Reducer.reduce(&state, .importLoaded(repo, StateFixture.sourceImport("error", percent: 10), at: now))
        let events = reporter.events(&state)
        #expect(events.map(\.event) == [.importState])
        #expect(events.first?.repository == "octo-org/legacy" && events.first?.from == "importing")
        #expect(events.first?.reason == "svn: E170013: Unable to connect")
    }

    @Test("NDJSON lines carry only the fields of their kind, with snake_case names")
    func encoding() throws {
        var event = WatchEvent(.rateLimitLow, at: now)
        event.remaining = 3
        event.limit = 60
        event.resetAt = "2026-11-22T15:00:00Z"
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(event), as: UTF8.self)
        #expect(
            text == #"{"at":"2026-11-22T14:02:10Z","event":"rate_limit_low","limit":60,"remaining":3,"#
                + #""reset_at":"2026-11-22T15:00:00Z"}"#)
        #expect(event.line == "2026-11-22T14:02:10Z  rate limit low: 3 of 60 left until 2026-11-22T15:00:00Z")
    }

    @Test("The change feed keeps at most its capacity between takes, dropping the oldest")
    func feedIsBounded() {
        var feed = ChangeFeed()
        let key = MigrationKey(scope: org, id: 1)
        for second in 0...ChangeFeed.capacity {
            feed.append(.migrationGone(key, at: now.addingTimeInterval(Double(second))))
        }
        #expect(feed.pending.count == ChangeFeed.capacity)
        #expect(feed.dropped == 1)
        #expect(feed.pending.first == .migrationGone(key, at: now.addingTimeInterval(1)), "the oldest went")
        #expect(feed.take().count == ChangeFeed.capacity)
        #expect(feed.pending.isEmpty)
    }
}

extension WatchReporter {
    /// The events of the changes the state has noted since the last call, as the watch's loop takes them.
    fileprivate mutating func events(_ state: inout DashboardState) -> [WatchEvent] {
        events(state, changes: state.changes.take())
    }
}
