import Foundation

/// Percent-encoding for values placed inside a URL path.
enum PathSegment {
    private static let allowed: CharacterSet = {
        var set = CharacterSet.urlPathAllowed
        set.remove(charactersIn: "/?#%")
        return set
    }()

    /// Escapes one path segment, so a name with `/` or spaces cannot change the route.
    static func escape(_ segment: String) -> String {
        segment.addingPercentEncoding(withAllowedCharacters: allowed) ?? segment
    }
}
