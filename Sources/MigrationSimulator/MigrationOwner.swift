/// Whose migrations a route addresses: the owned organization, or the authenticated user.
struct MigrationOwner: Sendable {
    let login: String
    let isOrganization: Bool

    /// The documentation page errors point at.
    var docs: String {
        isOrganization ? Docs.orgMigrations : Docs.userMigrations
    }

    /// The owner named by the route's `org` parameter, or the viewer when there is none.
    ///
    /// An organization the viewer does not own answers 404, as GitHub hides what you cannot administer.
    static func resolve(_ parameters: RouteParameters) -> MigrationOwner? {
        let org = parameters["org"]
        guard !org.isEmpty else { return MigrationOwner(login: SimulatorWorld.viewer, isOrganization: false) }
        guard org.lowercased() == SimulatorWorld.ownedOrganization else { return nil }
        return MigrationOwner(login: SimulatorWorld.ownedOrganization, isOrganization: true)
    }
}
