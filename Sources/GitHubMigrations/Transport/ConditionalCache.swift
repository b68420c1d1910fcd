import Foundation

/// Remembers each GET's validators and body so unchanged polls come back as free 304s.
actor ConditionalCache {
    /// What a 304 needs to rebuild the response.
    struct Entry: Sendable {
        var etag: String?
        var lastModified: String?
        var response: APIResponse
        /// False when only the validators and headers were kept.
        var hasBody = true
    }

    private var entries: [String: Entry] = [:]
    private var order: [String] = []
    private let capacity: Int

    /// Creates a cache holding at most `capacity` URLs, oldest evicted first.
    init(capacity: Int = 1024) {
        self.capacity = capacity
    }

    /// The entry for a URL, if one was stored.
    func entry(for url: String) -> Entry? { entries[url] }

    /// Stores a 200 that carried a validator (without its body unless `keepingBody`); drops the URL's
    /// entry when it carried none.
    func store(_ response: APIResponse, for url: String, keepingBody: Bool = true) {
        let etag = response.headers.first("etag")
        let lastModified = response.headers.first("last-modified")
        guard etag != nil || lastModified != nil else {
            entries[url] = nil
            return
        }
        if entries[url] == nil {
            order.append(url)
            if order.count > capacity { entries[order.removeFirst()] = nil }
        }
        var kept = response
        if !keepingBody { kept.body = Data() }
        entries[url] = Entry(etag: etag, lastModified: lastModified, response: kept, hasBody: keepingBody)
    }

    /// Forgets everything, e.g. after a write that changes what GETs return.
    func removeAll() {
        entries.removeAll()
        order.removeAll()
    }
}
