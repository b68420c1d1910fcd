/// Whose migrations a route addresses: an organization the viewer owns, or the authenticated user.
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
    static func resolve(_ parameters: RouteParameters, in world: SimulatorWorld) -> MigrationOwner? {
        let org = parameters["org"]
        guard !org.isEmpty else { return MigrationOwner(login: SimulatorWorld.viewer, isOrganization: false) }
        guard let owned = world.ownedOrganization(org) else { return nil }
        return MigrationOwner(login: owned, isOrganization: true)
    }
}
