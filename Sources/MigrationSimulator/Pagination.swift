/// GitHub's page-number pagination: `per_page` (default 30, max 100), `page`, and a `Link` header.
enum Pagination {
    /// The requested page of `items` and the `Link` header pointing at its neighbours, if any.
    static func page<Element>(_ items: [Element], request: APIRequest) -> (items: [Element], link: String?) {
        let perPage = min(100, max(1, request.query.value("per_page").flatMap { Int($0) } ?? 30))
        let page = max(1, request.query.value("page").flatMap { Int($0) } ?? 1)
        let last = max(1, (items.count + perPage - 1) / perPage)
        // A page far past the end (even near Int.max, which would overflow the product) is empty.
        let (offset, overflow) = (page - 1).multipliedReportingOverflow(by: perPage)
        let start = overflow ? items.count : min(items.count, offset)
        let slice = Array(items[start..<min(items.count, start + perPage)])
        guard last > 1 || page > 1 else { return (slice, nil) }
        let rawPath = String(request.target.prefix { $0 != "?" })
        func link(_ number: Int, _ rel: String) -> String {
            "<\(request.base.web)\(rawPath)?\(request.query.setting("page", to: String(number)))>; rel=\"\(rel)\""
        }
        var links: [String] = []
        if page > 1 { links.append(link(min(page - 1, last), "prev")) }
        if page < last {
            links.append(link(page + 1, "next"))
            links.append(link(last, "last"))
        }
        if page > 1 { links.append(link(1, "first")) }
        return (slice, links.joined(separator: ", "))
    }
}
