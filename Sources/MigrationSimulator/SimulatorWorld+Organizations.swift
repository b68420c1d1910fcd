import Foundation

extension SimulatorWorld {
    /// Repository names the extra organizations take a few of each, so an enterprise's orgs look alike
    /// without being the same.
    private static let enterpriseRepositoryNames = [
        "platform", "web-app", "mobile-ios", "mobile-android", "infrastructure", "data-pipeline", "docs",
        "billing-service", "auth-service", "search-indexer", "design-system", "ci-scripts", "payments-api",
        "analytics", "notifications", "admin-console",
    ]

    /// The login of the `number`th owned organization (counting from 1): `octo-org`, then `octo-org-2`…,
    /// valid GitHub logins (letters, digits and single hyphens, at most 39 characters).
    static func ownedOrganizationLogin(_ number: Int) -> String {
        number <= 1 ? ownedOrganization : "\(ownedOrganization)-\(number)"
    }

    /// Adds `count` more organizations the viewer owns, right after `octo-org` in the organization
    /// list, each with three to five repositories.
    mutating func addOwnedOrganizations(_ count: Int) {
        let extra = max(0, min(count, SimulatorOptions.maximumOrganizations - 1))
        guard extra > 0 else { return }
        let founded = Self.date("2016-01-04T09:00:00Z")
        var added: [AccountRecord] = []
        for number in 2..<(2 + extra) {
            let login = Self.ownedOrganizationLogin(number)
            let created = founded.addingTimeInterval(Double(number) * 86_400 * 3)
            added.append(
                AccountRecord(
                    login: login, id: 20_000_000 + number * 7_919, kind: .organization, name: "Octo Org \(number)",
                    description: "Moved here from GitHub Enterprise Server", createdAt: created))
            ownedOrganizations.append(login)
            let names = Self.enterpriseRepositoryNames
            for slot in 0..<(3 + number % 3) {
                repositories.append(
                    RepositoryRecord(
                        id: 300_000_000 + number * 100 + slot, owner: login,
                        name: names[(number * 5 + slot) % names.count], description: nil, isPrivate: slot != 0,
                        language: nil, createdAt: created.addingTimeInterval(Double(slot) * 86_400 * 11)))
            }
        }
        let after = (accounts.firstIndex { $0.login == Self.ownedOrganization } ?? accounts.count - 1) + 1
        accounts.insert(contentsOf: added, at: after)
    }
}
