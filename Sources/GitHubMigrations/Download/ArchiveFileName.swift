/// The names migdash gives archives: `ORG-migration-ID-GUID.tar.gz` or `user-migration-ID-GUID.tar.gz`.
public enum ArchiveFileName {
    /// The final name of a migration's archive.
    public static func name(_ scope: MigrationScope, id: Int64, guid: String) -> String {
        "\(scope)-migration-\(id)-\(guid).tar.gz"
    }

    /// The name of the file a download writes until the archive is verified.
    public static func partial(_ name: String) -> String {
        name + ".part"
    }

    /// The scope, id and guid a final name was made from; nil for any other file.
    public static func parse(_ name: String) -> (scope: MigrationScope, id: Int64, guid: String)? {
        guard let match = name.wholeMatch(of: /(.+)-migration-(\d+)-([0-9a-fA-F-]+)\.tar\.gz/),
            let id = Int64(match.output.2)
        else { return nil }
        return (MigrationScope(description: String(match.output.1)), id, String(match.output.3))
    }
}
