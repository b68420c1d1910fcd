import Foundation

/// A source import, with the fields of the documented schema.
struct WireImport: Encodable, Sendable {
    /// One project the importer could import, offered by `detection_found_multiple`.
    struct ProjectChoice: Encodable, Sendable {
        let vcs: String
        let tfvcProject: String?
        let humanName: String
    }

    @Nullable var vcs: String?
    let useLfs: Bool
    let vcsURL: String
    let tfvcProject: String?
    let status: String
    @Nullable var statusText: String?
    @Nullable var failedStep: String?
    @Nullable var errorMessage: String?
    @Nullable var importPercent: Int?
    @Nullable var commitCount: Int?
    @Nullable var pushPercent: Int?
    let hasLargeFiles: Bool
    let largeFilesSize: Int
    let largeFilesCount: Int
    let projectChoices: [ProjectChoice]?
    @Nullable var authorsCount: Int?
    let url: String
    let htmlURL: String
    let authorsURL: String
    let repositoryURL: String

    /// The import `record` as seen at `now`, with URLs under `base`.
    init(_ record: ImportRecord, now: Date, base: URLBase) {
        let progress = record.progress(at: now)
        let repository = "/repos/\(record.owner)/\(record.repository)"
        let largeFiles = progress.largeFilesVisible ? record.largeFiles : []
        vcs = progress.vcs
        useLfs = record.lfsChoice == "opt_in"
        vcsURL = record.vcsURL
        tfvcProject = record.tfvcProject
        status = progress.status
        statusText = progress.statusText
        failedStep = progress.failedStep
        errorMessage = progress.errorMessage
        importPercent = progress.importPercent
        commitCount = progress.commitCount
        pushPercent = progress.pushPercent
        hasLargeFiles = !largeFiles.isEmpty
        largeFilesSize = largeFiles.isEmpty ? 0 : max(1, largeFiles.map(\.size).reduce(0, +) >> 30)
        largeFilesCount = largeFiles.count
        projectChoices =
            progress.projectChoices.isEmpty
            ? nil
            : progress.projectChoices.map { vcs in
                ProjectChoice(
                    vcs: vcs,
                    tfvcProject: vcs == "tfvc" ? "project1" : nil,
                    humanName: vcs == "tfvc" ? "project1 (tfs)" : "\(record.repository) (\(vcs))"
                )
            }
        authorsCount = progress.authorsCount
        url = base.api(repository + "/import")
        htmlURL = base.web("/\(record.owner)/\(record.repository)/import")
        authorsURL = base.api(repository + "/import/authors")
        repositoryURL = base.api(repository)
    }
}

/// A commit author of a source import ("Porter Author").
struct WireImportAuthor: Encodable, Sendable {
    let id: Int
    let remoteID: String
    let remoteName: String
    let email: String
    let name: String
    let url: String
    let importURL: String

    /// The author `record` of the import into `owner/repository`.
    init(_ record: ImportAuthorRecord, owner: String, repository: String, base: URLBase) {
        let importPath = "/repos/\(owner)/\(repository)/import"
        id = record.id
        remoteID = record.remoteID
        remoteName = record.remoteName
        email = record.email
        name = record.name
        url = base.api(importPath + "/authors/\(record.id)")
        importURL = base.api(importPath)
    }
}

/// A large file of a source import ("Porter Large File").
struct WireLargeFile: Encodable, Sendable {
    let refName: String
    let path: String
    let oid: String
    let size: Int

    /// The wire form of `record`.
    init(_ record: LargeFileRecord) {
        refName = record.refName
        path = record.path
        oid = record.oid
        size = record.size
    }
}
