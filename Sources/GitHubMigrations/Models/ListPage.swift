import Foundation

/// One page of a list, read by its number, as a poller that re-reads pages one at a time needs it.
public struct ListPage<Item: Sendable>: Sendable {
    /// The page's items, or nil when GitHub answered 304: the page is as it was when last read.
    public var items: [Item]?
    /// True when GitHub's `Link` header names a next page.
    public var hasNext: Bool
    /// The last page's number, when GitHub's `Link` header names it (at most `maxPages`).
    public var lastPage: Int?
    /// The items a page holds when it is not the last: GitHub fills every page but the last, so a page
    /// with fewer that names a next page is a list that does not end.
    public var perPage: Int

    /// A page as the client read it.
    public init(items: [Item]?, hasNext: Bool, lastPage: Int? = nil, perPage: Int = 100) {
        self.items = items
        self.hasNext = hasNext
        self.lastPage = lastPage
        self.perPage = perPage
    }
}

extension ListPage: Equatable where Item: Equatable {}
