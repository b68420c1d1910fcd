import Foundation

/// What the dashboard knows about one scope's list: how many pages it has and when each was read.
public struct ScopeListing: Sendable, Equatable {
    /// The most pages a list is read to (100,000 migrations): a `Link` header that never ends stops here.
    public static let maxPages = 1_000

    /// Pages known to exist: from GitHub's `last` link, else one past the furthest page that named a next.
    public var pages = 1
    /// When each page was last read (changed or not).
    public var readAt: [Int: Date] = [:]
    /// The number of each page's latest reading (see `Sighting.reading`).
    public var readings: [Int: Int] = [:]
    /// True once a page that names a next page without being full was reported: said once, not each reading.
    public var endlessReported = false
    /// The number of the latest reading that found a page's ids changed: migrations may have moved
    /// between pages since, so none is taken as gone until every page has been read after it.
    public var lastShift = 0
    /// The ids each page held when it last changed, so a page read unchanged can vouch for them.
    public var members: [Int: [Int64]] = [:]

    /// An empty listing: one page, not read yet.
    public init() {}

    /// True once every known page has been read at least once: the whole list is on screen.
    public var isComplete: Bool { oldestRead != nil }

    /// Notes page `page` read at `time`. The count of pages follows its links: GitHub's `last`, else one
    /// past a page that names a next, and a page that names none is the last.
    public mutating func read(page: Int, hasNext: Bool, lastPage: Int?, at time: Date, reading: Int = 0) {
        readAt[page] = time
        readings[page] = reading
        if !hasNext {
            pages = page
        } else if let lastPage, lastPage > page {
            pages = min(lastPage, Self.maxPages)
        } else {
            pages = min(max(pages, page + 1), Self.maxPages)
        }
        if readAt.keys.contains(where: { $0 > pages }) {
            readAt = readAt.filter { $0.key <= pages }
            readings = readings.filter { $0.key <= pages }
            members = members.filter { $0.key <= pages }
        }
    }

    /// The number of the oldest of the pages' latest readings, nil while a page has never been read: a
    /// migration last seen before it is in none of the pages as they are now.
    public var oldestReading: Int? {
        var oldest: Int?
        for page in 1...max(1, pages) {
            guard let number = readings[page] else { return nil }
            oldest = min(oldest ?? number, number)
        }
        return oldest
    }

    /// The oldest reading among all pages, nil while one has never been read.
    public var oldestRead: Date? {
        var oldest: Date?
        for page in 1...max(1, pages) {
            guard let time = readAt[page] else { return nil }
            oldest = min(oldest ?? time, time)
        }
        return oldest
    }
}
