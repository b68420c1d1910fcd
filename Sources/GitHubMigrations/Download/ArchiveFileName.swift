import TerminalUI

/// The names migdash gives archives: `ORG-migration-ID-GUID.tar.gz` or `user-migration-ID-GUID.tar.gz`.
///
/// The organization's login and the guid come from the server, so a name is built only from values
/// in GitHub's own character sets: a login of letters, digits and hyphens (underscores too, as
/// Enterprise Managed Users have them), at most 39 characters, and a guid of hex digits and hyphens.
/// Neither can then hold a `/`, a `..` or a control character, and the name stays one file in its folder.
public enum ArchiveFileName {
    /// The longest login GitHub gives an account or organization.
    public static let maximumLoginLength = 39
    /// The longest guid accepted; GitHub's are UUIDs (36 characters).
    public static let maximumGUIDLength = 64

    /// The final name of a migration's archive.
    /// - Throws: `ArchiveDownloadError.unsafeName` when the login or guid falls outside GitHub's character sets.
    public static func name(_ scope: MigrationScope, id: Int64, guid: String) throws(ArchiveDownloadError) -> String {
        if case .organization(let login) = scope { try checkLogin(login) }
        guard isGUID(guid) else {
            throw ArchiveDownloadError(
                .unsafeName, "the server sent the guid \(quoted(guid)), which is not hex and hyphens")
        }
        return "\(scope)-migration-\(id)-\(guid).tar.gz"
    }

    /// Throws unless `login` could be a GitHub organization's login.
    public static func checkLogin(_ login: String) throws(ArchiveDownloadError) {
        guard isLogin(login) else {
            throw ArchiveDownloadError(.unsafeName, "\(quoted(login)) is not a GitHub organization login")
        }
    }

    /// Letters, digits, hyphens and underscores, 1 to 39 of them, starting with a letter or digit.
    public static func isLogin(_ login: String) -> Bool {
        guard let first = login.unicodeScalars.first, isAlphanumeric(first),
            login.unicodeScalars.count <= maximumLoginLength
        else { return false }
        return login.unicodeScalars.allSatisfy { isAlphanumeric($0) || $0 == "-" || $0 == "_" }
    }

    /// Hex digits and hyphens, 1 to 64 of them.
    public static func isGUID(_ guid: String) -> Bool {
        !guid.isEmpty && guid.unicodeScalars.count <= maximumGUIDLength
            && guid.unicodeScalars.allSatisfy { $0.properties.isASCIIHexDigit || $0 == "-" }
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
        let scope = MigrationScope(description: String(match.output.1))
        if case .organization(let login) = scope, !isLogin(login) { return nil }
        return (scope, id, String(match.output.3))
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar) || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    /// A server's text as a user may see it in one line: quoted, controls replaced, at most 80 characters.
    private static func quoted(_ text: String) -> String {
        let cut = text.count > 80 ? String(text.prefix(80)) + "…" : text
        return "\"" + TerminalText.safe(cut) + "\""
    }
}
