import Foundation

/// Percent-encoding for values placed inside a URL path.
enum PathSegment {
    private static let allowed: CharacterSet = {
        var set = CharacterSet.urlPathAllowed
        set.remove(charactersIn: "/?#%")
        return set
    }()

    /// Escapes one path segment, so a name with `/` or spaces cannot change the route; `.` and `..`,
    /// which a server or proxy would resolve against the path before them, are escaped whole.
    static func escape(_ segment: String) -> String {
        if segment == "." || segment == ".." { return String(repeating: "%2E", count: segment.count) }
        return segment.addingPercentEncoding(withAllowedCharacters: allowed) ?? segment
    }
}
