import CZlib
import Foundation
import GitHubMigrations
import MigrationSimulator

/// Archives to inspect: a real one from the simulator, and bytes shaped by hand around it.
enum ArchiveSamples {
    /// The seeded exported migration 240498's archive (about 3 MB, octo-org/api-server), downloaded once.
    static func simulatorArchive() async throws -> Data {
        let simulator = Simulator()
        let address = try await simulator.start()
        let client = GitHubClient(
            configuration: ClientConfiguration(baseURL: address.apiURL, token: SimulatorOptions.defaultToken))
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            let scope = MigrationScope.organization("octo-org")
            let guid = try await client.migration(scope, id: 240_498).guid
            let file = try await client.downloadArchive(scope, id: 240_498, guid: guid, into: directory)
            try await client.shutdown()
            await simulator.stop()
            return try Data(contentsOf: file)
        } catch {
            try? await client.shutdown()
            await simulator.stop()
            throw error
        }
    }

    /// A fresh folder under the temporary directory.
    static func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("migdash-inspect-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes bytes to a new file and returns its URL.
    static func file(_ bytes: Data, name: String = "sample.tar.gz") throws -> URL {
        let url = temporaryDirectory().appendingPathComponent(name)
        try bytes.write(to: url)
        return url
    }

    /// One gzip member holding `input`, made with zlib.
    static func gzip(_ input: Data) -> Data {
        var stream = z_stream()
        deflateInit2_(
            &stream, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))) + 64)
        var source = [UInt8](input)
        let count = source.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = source.baseAddress
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                deflate(&stream, Z_FINISH)
                return Int(stream.total_out)
            }
        }
        return Data(output.prefix(count))
    }

    /// The tar inside a single-member gzip file.
    static func gunzip(_ input: Data) -> Data {
        var stream = z_stream()
        inflateInit2_(&stream, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        defer { inflateEnd(&stream) }
        var source = [UInt8](input)
        var output = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        source.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            stream.avail_in = uInt(source.count)
            var status = Z_OK
            while status == Z_OK {
                let produced = chunk.withUnsafeMutableBufferPointer { target in
                    stream.next_out = target.baseAddress
                    stream.avail_out = uInt(target.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    return target.count - Int(stream.avail_out)
                }
                output.append(contentsOf: chunk.prefix(produced))
            }
        }
        return output
    }
}
