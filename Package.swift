// swift-tools-version:6.2
import PackageDescription

/// migdash: a terminal dashboard for GitHub's REST Migrations API.
///
/// Targets and their direction of dependency are described in docs/architecture.md.
let package = Package(
    name: "migdash",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "migdash", targets: ["migdash"]),
        .library(name: "GitHubMigrations", targets: ["GitHubMigrations"]),
        .library(name: "MigrationSimulator", targets: ["MigrationSimulator"]),
        .library(name: "TerminalUI", targets: ["TerminalUI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CZlib",
            path: "Sources/CZlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .systemLibrary(
            name: "CLibcrypto",
            path: "Sources/CLibcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .systemLibrary(
            name: "CNcursesw",
            path: "Sources/CNcursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .target(name: "TerminalUI"),
        .target(name: "CursesTerminal", dependencies: ["CNcursesw", "TerminalUI"]),
        .target(name: "DashboardCore", dependencies: ["ArchiveModel", "GitHubMigrations", "TerminalUI"]),
        .target(
            name: "DashboardViews",
            dependencies: ["ArchiveModel", "DashboardCore", "GitHubMigrations", "TerminalUI"]
        ),
        .target(
            name: "DashboardApp",
            dependencies: [
                "ArchiveInspection", "DashboardCore", "DashboardViews", "CursesTerminal", "GitHubMigrations", "Journal",
                "MigrationSimulator", "TerminalUI", .product(name: "Yams", package: "Yams"),
                // `migdash watch --metrics-listen`: the text format by the Prometheus project's own rules,
                // served by the Hummingbird the simulator already brings.
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .target(name: "ArchiveModel"),
        // The journal: what migdash saw and did, kept across restarts in SQLite (docs/journal.md).
        .target(
            name: "Journal",
            dependencies: [
                "DashboardCore", "GitHubMigrations", "TerminalUI", .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .target(
            name: "ArchiveInspection",
            dependencies: ["ArchiveModel", "CLibcrypto", "CZlib", "TerminalUI"]
        ),
        .target(
            name: "GitHubMigrations",
            dependencies: [
                "ArchiveInspection", "ArchiveModel", "TerminalUI",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                // Only to name connection and TLS failures in words (GitHubError+Transport); both are
                // already built for async-http-client.
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .target(
            name: "MigrationSimulator",
            dependencies: [
                "CZlib",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "migdash",
            dependencies: [
                "ArchiveInspection",
                "ArchiveModel",
                "DashboardApp",
                "DashboardCore",
                "DashboardViews",
                "GitHubMigrations",
                "Journal",
                "TerminalUI",
                "MigrationSimulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "GitHubMigrationsTests",
            dependencies: [
                "ArchiveInspection", "ArchiveModel", "GitHubMigrations", "MigrationSimulator", "TestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"]),
        .testTarget(
            name: "ArchiveInspectionTests",
            dependencies: [
                "ArchiveInspection", "ArchiveModel", "CZlib", "GitHubMigrations", "MigrationSimulator", "TestSupport",
            ],
            exclude: ["Scripts"]
        ),
        .testTarget(name: "MigdashCommandTests", dependencies: ["TestSupport", "migdash"], exclude: ["Scripts"]),
        .testTarget(name: "CursesTerminalTests", dependencies: ["CursesTerminal", "TerminalUI"]),
        .testTarget(
            name: "DashboardCoreTests",
            dependencies: ["ArchiveModel", "DashboardCore", "DashboardViews", "GitHubMigrations", "TerminalUI"],
            exclude: ["Snapshots"]
        ),
        .target(name: "TestSupport", path: "Tests/TestSupport", exclude: ["Hostile"]),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport"]),
        .testTarget(
            name: "DashboardAppTests",
            dependencies: ["DashboardApp", "DashboardCore", "DashboardViews", "MigrationSimulator", "TerminalUI"]
        ),
        .testTarget(
            name: "JournalTests",
            dependencies: [
                "DashboardCore", "GitHubMigrations", "Journal", "TestSupport",
                // To look at the file as SQLite sees it (integrity check, whether a write happened).
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["Scripts"]
        ),
        .testTarget(
            name: "MigrationSimulatorTests",
            dependencies: [
                "MigrationSimulator", "CZlib",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
    ]
)
