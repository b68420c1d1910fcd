import Foundation

/// Reads the payload files under `Fixtures/`.
enum Fixture {
    /// The bytes of a fixture file.
    static func data(_ name: String) throws -> Data {
        let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
        guard
            let url = Bundle.module.url(forResource: parts[0], withExtension: parts[1], subdirectory: "Fixtures")
        else { throw FixtureMissing(name: name) }
        return try Data(contentsOf: url)
    }

    /// Names every fixture file with the given prefix.
    static func names(prefix: String) throws -> [String] {
        guard let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            throw FixtureMissing(name: "Fixtures")
        }
        return try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasPrefix(prefix) }.sorted()
    }

    struct FixtureMissing: Error {
        let name: String
    }
}
