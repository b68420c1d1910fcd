import Testing

@testable import GitHubMigrations

@Suite("Names inside URL paths")
struct PathSegmentTests {
    @Test("a name cannot change the route: slashes, queries, fragments and dot segments are escaped")
    func escaping() {
        #expect(PathSegment.escape("octo-repo") == "octo-repo")
        #expect(PathSegment.escape("a/b") == "a%2Fb")
        #expect(PathSegment.escape("x?y#z") == "x%3Fy%23z")
        #expect(PathSegment.escape("..") == "%2E%2E")
        #expect(PathSegment.escape(".") == "%2E")
        #expect(PathSegment.escape("...") == "...", "three dots are a name, not a dot segment")
    }
}
