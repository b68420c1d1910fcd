import Foundation

/// Where the `migdash` executable under test lives: the debug build of this package.
public enum MigdashBinary {
    /// The package root, found from this file's place in `Tests/TestSupport/`.
    public static var packageRoot: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// The executable's path: `MIGDASH_BINARY` if set, else `.build/debug/migdash` under the package root.
    ///
    /// Throws `TestSupportError.binaryNotBuilt` when there is no executable there, naming the command that builds it.
    public static var path: String {
        get throws {
            let environment = ProcessInfo.processInfo.environment
            let candidate =
                environment["MIGDASH_BINARY"].flatMap { $0.isEmpty ? nil : $0 }
                ?? packageRoot.appendingPathComponent(".build/debug/migdash").path
            guard FileManager.default.isExecutableFile(atPath: candidate) else {
                throw TestSupportError.binaryNotBuilt(candidate)
            }
            return candidate
        }
    }
}
