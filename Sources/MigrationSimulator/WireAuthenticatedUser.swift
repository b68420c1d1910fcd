/// The private user object `GET /user` answers with.
struct WireAuthenticatedUser: Encodable, Sendable {
    let login: String
    let id: Int
    let nodeID: String
    let avatarURL: String
    let gravatarID: String
    let url: String
    let htmlURL: String
    let reposURL: String
    let organizationsURL: String
    let type: String
    let siteAdmin: Bool
    let name: String
    @Nullable var company: String?
    let blog: String
    @Nullable var location: String?
    @Nullable var email: String?
    @Nullable var bio: String?
    let publicRepos: Int
    let totalPrivateRepos: Int
    let ownedPrivateRepos: Int
    let followers: Int
    let following: Int
    let twoFactorAuthentication: Bool
    let createdAt: String
    let updatedAt: String

    /// The authenticated user `account`, who owns `repositories`.
    init(_ account: AccountRecord, repositories: [RepositoryRecord], base: URLBase) {
        let simple = WireSimpleUser(account, base: base)
        login = simple.login
        id = simple.id
        nodeID = simple.nodeID
        avatarURL = simple.avatarURL
        gravatarID = simple.gravatarID
        url = simple.url
        htmlURL = simple.htmlURL
        reposURL = simple.reposURL
        organizationsURL = simple.organizationsURL
        type = simple.type
        siteAdmin = false
        name = account.name
        company = "@github"
        blog = "https://github.blog"
        location = "San Francisco"
        email = "octocat@github.com"
        bio = nil
        publicRepos = repositories.filter { !$0.isPrivate }.count
        totalPrivateRepos = repositories.filter(\.isPrivate).count
        ownedPrivateRepos = totalPrivateRepos
        followers = 20
        following = 0
        twoFactorAuthentication = true
        createdAt = WireJSON.timestamp(account.createdAt)
        updatedAt = WireJSON.timestamp(account.createdAt.addingTimeInterval(86_400 * 400))
    }
}
