import DashboardCore
import Foundation
import GitHubMigrations
import Journal
import Testing

@Suite("A year of changes stays small and quick")
struct JournalSizeTests {
    typealias F = JournalFixture

    @Test("100,000 observations: the file under 50 MB; open and one migration's history within 100 ms (10x here)")
    func hundredThousandObservations() throws {
        let fixture = try F()
        let migrations = 25_000
        let clock = ContinuousClock()
        let writing = try clock.measure {
            let journal = try fixture.open()
            // Four observations each: appeared pending, exporting, exported, gone from the list.
            for first in stride(from: 1, through: migrations, by: 2_500) {
                var changes: [ObservedChange] = []
                for number in first..<(first + 2_500) {
                    let id = Int64(number)
                    let key = F.key(id, "org\(number % 20)")
                    let base = Double(number) * 60
                    changes.append(
                        .migrationAppeared(
                            key, F.migration(id, .pending, repositories: number % 7 + 1), alreadyThere: false,
                            at: F.at(base)))
                    changes.append(
                        .migrationChanged(
                            key, from: .pending, F.migration(id, .exporting, repositories: number % 7 + 1),
                            at: F.at(base + 5)))
                    changes.append(
                        .migrationChanged(
                            key, from: .exporting, F.migration(id, .exported, repositories: number % 7 + 1),
                            at: F.at(base + 300)))
                    changes.append(.migrationGone(key, at: F.at(base + 7 * 86_400)))
                }
                try journal.record(changes, host: "github.com", login: "octocat")
            }
        }
        let bytes = ["", "-wal"].compactMap {
            (try? FileManager.default.attributesOfItem(atPath: fixture.url.path + $0))?[.size] as? Int
        }.reduce(0, +)

        let key = F.key(12_345, "org\(12_345 % 20)")
        var history: MigrationHistory?
        var journal: Journal?
        let opening = try clock.measure {
            journal = try fixture.open()
            history = try journal?.history(of: key)
        }
        // After a restart the dashboard's first reading reports every migration again, already there.
        let seenAgain: [ObservedChange] = (1...migrations).map { number in
            .migrationAppeared(
                F.key(Int64(number), "org\(number % 20)"), F.migration(Int64(number), .exported, repositories: 1),
                alreadyThere: true, at: F.at(1e7))
        }
        // The first time they come back from gone, a change each; the second time, nothing changed.
        let returning = try clock.measure { try journal?.record(seenAgain, host: "github.com", login: "octocat") }
        let unchanged = try clock.measure { try journal?.record(seenAgain, host: "github.com", login: "octocat") }
        print(
            "journal size: 100,000 observations in \(bytes) bytes (\(bytes / 1_048_576) MiB), written in \(writing); "
                + "open + history of one migration: \(opening); 25,000 migrations seen again: \(returning) changed, "
                + "\(unchanged) unchanged")
        #expect(history?.observations.map(\.state) == [.pending, .exporting, .exported, nil])
        #expect(bytes > 0 && bytes < 50 * 1_048_576)
        #expect(opening < .seconds(1), "open + history took \(opening); the target is 0.1 s")
        // Gone migrations seen again are new observations: each of them, once.
        #expect(
            try journal?.history(of: key).observations.map(\.state) == [
                .pending, .exporting, .exported, nil, .exported,
            ])
    }
}
