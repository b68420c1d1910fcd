/// The organization summary `GET /user/orgs` lists.
struct WireOrganization: Encodable, Sendable {
    let login: String
    let id: Int
    let nodeID: String
    let url: String
    let reposURL: String
    let eventsURL: String
    let hooksURL: String
    let issuesURL: String
    let membersURL: String
    let publicMembersURL: String
    let avatarURL: String
    @Nullable var description: String?

    /// The summary of `account`, with URLs under `base`.
    init(_ account: AccountRecord, base: URLBase) {
        let org = base.api("/orgs/\(account.login)")
        login = account.login
        id = account.id
        nodeID = account.nodeID
        url = org
        reposURL = org + "/repos"
        eventsURL = org + "/events"
        hooksURL = org + "/hooks"
        issuesURL = org + "/issues"
        membersURL = org + "/members{/member}"
        publicMembersURL = org + "/public_members{/member}"
        avatarURL = base.web("/avatars/u/\(account.id)?v=4")
        description = account.description
    }
}
