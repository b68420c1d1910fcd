/// GitHub's "Simple User" object, also used for an organization that owns a migration.
struct WireSimpleUser: Encodable, Sendable {
    let login: String
    let id: Int
    let nodeID: String
    let avatarURL: String
    let gravatarID: String
    let url: String
    let htmlURL: String
    let followersURL: String
    let followingURL: String
    let gistsURL: String
    let starredURL: String
    let subscriptionsURL: String
    let organizationsURL: String
    let reposURL: String
    let eventsURL: String
    let receivedEventsURL: String
    let type: String
    let siteAdmin: Bool
    let userViewType: String

    /// The Simple User for an account, with URLs under `base`.
    init(_ account: AccountRecord, base: URLBase) {
        let user = base.api("/users/\(account.login)")
        login = account.login
        id = account.id
        nodeID = account.nodeID
        avatarURL = base.web("/avatars/u/\(account.id)?v=4")
        gravatarID = ""
        url = user
        htmlURL = base.web("/\(account.login)")
        followersURL = user + "/followers"
        followingURL = user + "/following{/other_user}"
        gistsURL = user + "/gists{/gist_id}"
        starredURL = user + "/starred{/owner}{/repo}"
        subscriptionsURL = user + "/subscriptions"
        organizationsURL = user + "/orgs"
        reposURL = user + "/repos"
        eventsURL = user + "/events{/privacy}"
        receivedEventsURL = user + "/received_events"
        type = account.kind.rawValue
        siteAdmin = false
        userViewType = "public"
    }
}
