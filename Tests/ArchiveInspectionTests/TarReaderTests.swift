import ArchiveModel
import Foundation
import Testing

@testable import ArchiveInspection

@Suite("Our tar reader against independent writers", .timeLimit(.minutes(3)))
struct TarReaderTests {
    @Test("every entry GNU tar, Python's tarfile and git write is read as Python reads it, in blocks of any size")
    func matchesPython() async throws {
        let samples = try await IndependentTars.all()
        #expect(samples.count == 16)
        for (index, sample) in samples.enumerated() {
            let expected = try await IndependentTars.listing(sample.tar).map(Self.normalised)
            let read = try Self.entries(sample.tar, seed: UInt64(index))
            #expect(read == expected, "\(sample.label)")
            #expect(!read.isEmpty, "\(sample.label)")
        }
        let kinds = Set(try samples.flatMap { try Self.entries($0.tar, seed: 1) }.map(\.type))
        #expect(kinds.isSuperset(of: ["0", "1", "2", "5", "6", "S"]), "\(kinds.sorted())")
    }

    @Test("each writer's migration archive, gzipped, gives the same report: schema, records, repository, attachments")
    func inspectsEveryWriter() async throws {
        for sample in try await IndependentTars.all() where sample.isMigrationTree {
            let file = try ArchiveSamples.file(ArchiveSamples.gzip(sample.tar))
            let report = try await ArchiveInspector.inspect(file)
            #expect(report.verdict == .intact, "\(sample.label): \(report.verdict.summary)")
            #expect(report.schemaVersion == "1.0.1", "\(sample.label)")
            #expect(report.records(of: "issues") == 3 && report.records(of: "users") == 1, "\(sample.label)")
            if sample.label.contains("v7") { continue }
            #expect(report.repositories.map(\.name) == ["octo-org/hello-world"], "\(sample.label)")
            #expect((report.repositories.first?.bytes ?? 0) > 70_000, "\(sample.label)")
            #expect(report.attachments.count == 2, "\(sample.label)")
        }
    }

    @Test("a header announcing 9 GiB, in base-256 or in pax, is read exactly; the missing data is truncation")
    func hugeSizes() async throws {
        let special = try await IndependentTars.special()
        for tar in [special.gnu, special.pax] {
            let reader = TarReader(source: ChunkedBytes(tar, seed: 3).next)
            let entry = try reader.next()
            #expect(entry?.size == 9 << 30 && entry?.isFile == true)
            #expect(entry?.path.hasSuffix("/objects/pack/pack-big.pack") == true)
            #expect(throws: ArchiveDefect.self) { try reader.next() }
        }
    }

    @Test("sparse files claiming Int64.max bytes each add up without a trap")
    func sparseBombs() async throws {
        let special = try await IndependentTars.special()
        for tar in [special.bomb, special.paxBomb] {
            let report = try await ArchiveInspector.inspect(try ArchiveSamples.file(ArchiveSamples.gzip(tar)))
            #expect(report.verdict == .intact, "\(report.verdict.summary)")
            #expect(report.repositories.map(\.name) == ["octo-org/bomb"])
            #expect((report.repositories.first?.bytes ?? 0) > 0)
        }
    }

    @Test("names with terminal escapes come out with the control characters replaced")
    func escapesInNames() async throws {
        let evil = try await IndependentTars.special().evil
        let paths = try Self.entries(evil, seed: 4).map(\.name)
        #expect(paths == ["repositories/evil?[31m/name?.git/HEAD", "plain?]0;title?-in-ustar.txt"])
        let report = try await ArchiveInspector.inspect(try ArchiveSamples.file(ArchiveSamples.gzip(evil)))
        #expect(report.repositories.map(\.name) == ["evil?[31m/name?"])
    }

    @Test("numeric fields: octal with spaces and NULs, base-256; negative, overflowing and stray bytes are refused")
    func numbers() {
        func number(_ bytes: [UInt8]) -> Int64? { TarHeader.number(bytes[...]) }
        #expect(number(Array("0000644\0".utf8)) == 0o644)
        #expect(number(Array("   17 \0".utf8)) == 0o17)
        #expect(number(Array("\0\0\0\0".utf8)) == 0)
        #expect(number(Array("        ".utf8)) == 0)
        #expect(number(Array("12 3".utf8)) == nil)
        #expect(number(Array("0009".utf8)) == nil)
        #expect(number(Array("12x".utf8)) == nil)
        #expect(number([0x80, 0, 0, 0, 0, 0, 0, 2, 0x40, 0, 0, 0]) == 9 << 30)
        #expect(number([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE]) == nil)
        #expect(number([0x80, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]) == nil)
        #expect(number([0x80] + [UInt8](repeating: 0xFF, count: 11)) == nil)
        #expect(number(Array("777777777777777777777".utf8)) == Int64.max)
        #expect(number(Array("1000000000000000000000".utf8)) == nil)
    }

    @Test("pax records: lengths that point past the data, miss the newline or the '=', or overflow are corrupt")
    func paxRecords() throws {
        let good = try PaxRecords(Array("30 path=a/very/long/name.json\n13 size=4096\n".utf8) + [0, 0])
        #expect(good.path == "a/very/long/name.json" && good.size == 4096)
        for bad in [
            "31 path=a/very/long/name.json\n", "29 path=a/very/long/name.json\n", "8 pathx\n", "3 p\n", "2 \n",
            "1 ", "0 \n", " 5 a=b\n", "99999999999999999999 a=b\n", "12 size=-40\n", "8 size=\n", "x",
        ] {
            #expect(throws: ArchiveDefect.self, "\(bad.debugDescription)") { try PaxRecords(Array(bad.utf8)) }
        }
    }

    /// Each entry our reader finds, in Python's terms: no trailing `/`, the NUL type as `0`.
    static func entries(_ tar: Data, seed: UInt64) throws -> [IndependentTars.Member] {
        let reader = TarReader(source: ChunkedBytes(tar, seed: seed).next)
        var members: [IndependentTars.Member] = []
        while let entry = try reader.next() {
            let type = entry.typeFlag == 0 ? "0" : String(UnicodeScalar(entry.typeFlag))
            members.append(
                normalised(.init(name: entry.path, type: type, size: entry.size, linkname: entry.linkPath)))
        }
        return members
    }

    /// Python keeps the sizes of links and directories as written; ours say what data they carry (none).
    static func normalised(_ member: IndependentTars.Member) -> IndependentTars.Member {
        var member = member
        while member.name.count > 1 && member.name.hasSuffix("/") { member.name.removeLast() }
        if ["1", "2", "3", "4", "5", "6"].contains(member.type) { member.size = 0 }
        return member
    }
}

/// Hands out bytes in chunks of random sizes (1 byte to 8 KiB), as an inflater's output might come.
final class ChunkedBytes {
    private let bytes: [UInt8]
    private var offset = 0
    private var random: SplitMix
    private let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 8192, alignment: 16)

    init(_ bytes: Data, seed: UInt64) {
        self.bytes = [UInt8](bytes)
        random = SplitMix(seed: seed)
    }

    deinit { buffer.deallocate() }

    /// The next chunk, empty at the end; valid until the next call.
    func next() -> UnsafeRawBufferPointer {
        let count = min(Int(random.next() % 8192) + 1, bytes.count - offset)
        bytes.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<(offset + count)]))
        }
        offset += count
        return UnsafeRawBufferPointer(rebasing: buffer[0..<count])
    }
}

/// A small seeded generator, so a failing corruption can be replayed.
struct SplitMix: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
