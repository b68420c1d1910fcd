import ArchiveModel
import Foundation
import Testing

@testable import ArchiveInspection

/// Random damage to archives from independent writers: every reading ends with a verdict, never a
/// crash or a hang, and damage a tar reader can see is never called intact. Seeded, so a failure
/// names the seed that replays it.
@Suite("Random corruption of tar archives", .timeLimit(.minutes(3)))
struct TarCorruptionTests {
    /// Where a sample's headers are and where its members end, as Python reads it.
    struct Layout: Decodable {
        var headers: [Int]
        var end: Int
    }

    /// The samples with ordinary entries (sparse maps have header-like blocks Python does not report).
    static func samples() async throws -> [(IndependentTars.Sample, Layout)] {
        var result: [(IndependentTars.Sample, Layout)] = []
        for sample in try await IndependentTars.all() where !sample.label.contains("sparse") {
            let output = try await IndependentTars.python(["layout"], sample.tar)
            result.append((sample, try JSONDecoder().decode(Layout.self, from: Data(output.utf8))))
        }
        return result
    }

    @Test("cut anywhere before the end-of-archive block: truncated or corrupt, never intact")
    func cuts() async throws {
        var random = SplitMix(seed: 11)
        for (sample, layout) in try await Self.samples() {
            for round in 0..<40 {
                let length = Int(random.next() % UInt64(layout.end))
                let verdict = Self.verdict(sample.tar.prefix(length), seed: UInt64(round))
                #expect(!verdict.isIntact, "\(sample.label) cut at \(length): \(verdict.summary)")
            }
        }
    }

    @Test("a flipped byte in a header block is corrupt; anywhere else it still gets a verdict")
    func flips() async throws {
        var random = SplitMix(seed: 12)
        for (sample, layout) in try await Self.samples() {
            for round in 0..<60 {
                var tar = sample.tar
                let header = layout.headers[Int(random.next() % UInt64(layout.headers.count))]
                let inHeader = round % 2 == 0
                var offset = inHeader ? header + Int(random.next() % 512) : Int(random.next() % UInt64(tar.count))
                if inHeader && (148..<156).contains(offset - header) { offset = header }
                tar[offset] ^= UInt8(truncatingIfNeeded: random.next() % 255 + 1)
                let verdict = Self.verdict(tar, seed: UInt64(round))
                if inHeader {
                    #expect(verdict.status == .corrupt, "\(sample.label) byte \(offset) flipped: \(verdict.summary)")
                }
            }
        }
    }

    @Test("blocks shuffled, duplicated and overwritten with noise: a verdict every time, also through gzip")
    func shuffles() async throws {
        var random = SplitMix(seed: 13)
        var corrupt = 0
        var rounds = 0
        for (sample, _) in try await Self.samples() {
            let blocks = sample.tar.count / 512
            for round in 0..<30 {
                var tar = [UInt8](sample.tar)
                for _ in 0..<(1 + random.next() % 4) {
                    let from = Int(random.next() % UInt64(blocks)) * 512
                    let to = Int(random.next() % UInt64(blocks)) * 512
                    switch random.next() % 3 {
                    case 0: tar.replaceSubrange(to..<(to + 512), with: tar[from..<(from + 512)])
                    case 1:
                        let block = Array(tar[from..<(from + 512)])
                        tar.replaceSubrange(from..<(from + 512), with: tar[to..<(to + 512)])
                        tar.replaceSubrange(to..<(to + 512), with: block)
                    default: for index in to..<(to + 512) { tar[index] = UInt8(truncatingIfNeeded: random.next()) }
                    }
                }
                let verdict = Self.verdict(Data(tar), seed: UInt64(round))
                rounds += 1
                if verdict.status == .corrupt { corrupt += 1 }
                if round % 10 == 0 {
                    let report = try await ArchiveInspector.inspect(
                        try ArchiveSamples.file(ArchiveSamples.gzip(Data(tar))))
                    #expect(report.verdict == verdict, "\(sample.label) round \(round)")
                }
            }
        }
        // Noise in a header block is always caught; most rounds put some there.
        #expect(corrupt > rounds / 4, "\(corrupt) of \(rounds) rounds corrupt")
    }

    @Test("damaged gzip files of independent archives: a verdict every time, and never intact when cut")
    func damagedGzip() async throws {
        var random = SplitMix(seed: 14)
        for (sample, _) in try await Self.samples().prefix(4) {
            let gzip = ArchiveSamples.gzip(sample.tar)
            for round in 0..<12 {
                var bytes = gzip
                let cut = round % 2 == 0
                if cut {
                    bytes = bytes.prefix(Int(random.next() % UInt64(bytes.count)))
                } else {
                    bytes[Int(random.next() % UInt64(bytes.count))] ^= UInt8(
                        truncatingIfNeeded: random.next() % 255 + 1)
                }
                let report = try await ArchiveInspector.inspect(try ArchiveSamples.file(bytes))
                if cut { #expect(report.verdict.status == .truncated, "\(sample.label): \(report.verdict.summary)") }
            }
        }
    }

    /// The verdict of reading `tar` to the end with our reader, fed in chunks of random sizes.
    static func verdict(_ tar: Data, seed: UInt64) -> ArchiveVerdict {
        let reader = TarReader(source: ChunkedBytes(tar, seed: seed).next)
        do {
            while try reader.next() != nil {}
            return .intact
        } catch let defect as ArchiveDefect {
            return defect.verdict
        } catch {
            return .corrupt("unexpected error \(error)")
        }
    }
}
