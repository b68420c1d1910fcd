import Foundation
import GRDB
import Journal
import TestSupport
import Testing

@Suite("A damaged journal or an unwritable place: moved aside, or one clear line")
struct JournalDamageTests {
    typealias F = JournalFixture

    @Test("A file of garbage is moved aside with its bytes intact, and a new journal opens in its place")
    func corruptMovedAside() throws {
        let fixture = try F()
        let garbage = Data((0..<8_192).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 13) })
        try garbage.write(to: fixture.url)

        let aside = try {
            let journal = try fixture.open(now: F.at(0))
            let aside = try #require(journal.movedAside)
            #expect(aside.lastPathComponent == "journal.sqlite.corrupt-20260921T141320Z")
            #expect(try Data(contentsOf: aside) == garbage)
            try journal.recordProblem("offline", "written to the new journal", at: F.at(1))
            #expect(try journal.recentEntries(limit: 5).map(\.text) == ["offline: written to the new journal"])
            return aside
        }()

        // The same again the same second: a second name, the first kept.
        try garbage.write(to: fixture.url)
        let again = try fixture.open(now: F.at(0))
        #expect(again.movedAside?.lastPathComponent == "journal.sqlite.corrupt-20260921T141320Z-2")
        #expect(try Data(contentsOf: aside) == garbage)
        #expect(try fixture.open().movedAside == nil)
    }

    @Test("A folder that cannot be written: one line naming the file, no journal")
    func readOnlyFolder() async throws {
        let fixture = try F()
        let folder = fixture.folder.path + "/locked"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        try ReadOnlyFolder.lock(folder)
        defer { ReadOnlyFolder.unlock(folder) }
        #expect(
            !FileManager.default.createFile(atPath: folder + "/probe", contents: nil), "the folder is not read-only")

        let url = URL(fileURLWithPath: folder + "/journal.sqlite")
        let error = try #require(throws: JournalError.self) { try Journal.open(at: url, now: F.t0) }
        let line = error.description
        #expect(line.hasPrefix("cannot open the journal \(url.path): "))
        #expect(!line.contains("\n"))
        #expect(line.contains("denied") || line.contains("not permitted"), "\(line)")

        // Under a folder that cannot be made.
        let below = URL(fileURLWithPath: folder + "/deeper/journal.sqlite")
        let folderError = try #require(throws: JournalError.self) { try Journal.open(at: below, now: F.t0) }
        #expect(folderError.description.hasPrefix("cannot create the journal's folder \(folder)/deeper: "))
        #expect(!folderError.description.contains("\n"))
    }

    @Test("A journal whose path is a folder, or under a file: one line each")
    func notAFile() throws {
        let fixture = try F()
        try FileManager.default.createDirectory(at: fixture.url, withIntermediateDirectories: false)
        let error = try #require(throws: JournalError.self) { try fixture.open() }
        #expect(error.description.hasPrefix("cannot open the journal \(fixture.url.path): "), "\(error)")

        let file = fixture.folder.path + "/plain"
        #expect(FileManager.default.createFile(atPath: file, contents: Data("x".utf8)))
        let under = try #require(throws: JournalError.self) {
            try Journal.open(at: URL(fileURLWithPath: file + "/journal.sqlite"), now: F.t0)
        }
        #expect(under == .folder(path: file, reason: "it is not a folder"))
    }
}
