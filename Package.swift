// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "MessageDesk",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "MessageDesk", targets: ["MessageDesk"]),
        .executable(name: "desk", targets: ["desk"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // The SQLite wrapper and the migrator: its API is `package`, so nothing outside this package sees SQLite.
        .target(
            name: "DeskStorage",
            dependencies: ["CSQLite"]
        ),
        .target(
            name: "MessageDesk",
            dependencies: ["DeskStorage"]
        ),
        .executableTarget(
            name: "desk",
            dependencies: [
                "MessageDesk",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "desk-bench", dependencies: ["MessageDesk"], path: "Sources/desk-bench"),
        // Test-only: where the tests' files go, removed when a test run ends.
        .target(name: "TestScratch", path: "Tests/TestScratch"),
        .testTarget(
            name: "MessageDeskTests",
            dependencies: ["MessageDesk", "DeskStorage", "TestScratch"]
        ),
        // Unit tests of the CLI's own code (its formatting), through `@testable import desk`.
        .testTarget(name: "DeskTests", dependencies: ["desk", "MessageDesk"]),
        .testTarget(
            name: "DeskEndToEndTests",
            // ArgumentParser: HelpScreenTests walks the command tree.
            dependencies: ["desk", "MessageDesk", "DeskStorage", "TestScratch",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
