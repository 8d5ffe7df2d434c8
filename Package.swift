// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "chatterm",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "chatterm", targets: ["chatterm"]),
        .executable(name: "chatterm-bench", targets: ["chatterm-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
    ],
    targets: [
        .target(name: "ChatModel"),
        // The themes and demo data compiled into the binary (written by its generate.py).
        .target(name: "BuiltInData", exclude: ["generate.py"]),
        .systemLibrary(name: "CNCurses", path: "Sources/CNCurses"),
        // zlib's inflate, for the ZIP archives exports come in (ChatImport's ZipArchive).
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        .target(name: "ChatCore", dependencies: ["ChatModel"]),
        .target(name: "TerminalUI", dependencies: ["ChatCore", "ChatModel", "CNCurses"]),
        .target(
            name: "ChatServer",
            dependencies: [
                "ChatStore", "ChatImport", "ChatModel",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                // WebSocketFrameEncoder: events go in whole below it (EventSocket), several to a flush.
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        .target(
            name: "ChatClient",
            dependencies: [
                "ChatCore", "ChatModel",
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "Logging", package: "swift-log"),
                // ByteBuffer: events are parsed from the frames' bytes.
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .target(name: "ChatImport", dependencies: ["ChatModel", "CZlib"]),
        .target(
            name: "ChatStore",
            dependencies: [
                "ChatModel",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API, to bind an import's arguments without GRDB's per-value cost.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .target(
            name: "Report",
            dependencies: ["ChatStore", "ChatImport", "ChatModel"]
        ),
        .executableTarget(
            name: "chatterm",
            dependencies: [
                "ChatModel", "ChatImport", "ChatStore", "ChatCore", "TerminalUI", "ChatServer", "ChatClient", "Report", "BuiltInData",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                // The client's config file (ClientConfig).
                .product(name: "TOMLKit", package: "TOMLKit"),
                // Only to name the network's errors in plain words (CommandFailure); the
                // databases' are ChatStore's DatabaseErrorText.
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "chatterm-bench",
            dependencies: [
                "ChatImport", "ChatStore", "ChatCore", "ChatModel", "TerminalUI", "ChatClient", "ChatServer", "Report", "BuiltInData",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .target(name: "ChatTestSupport", dependencies: ["ChatModel", "ChatStore"], path: "Tests/ChatTestSupport"),
        .target(
            name: "FuzzTargets",
            dependencies: ["ChatImport", "ChatModel", "ChatServer", "TerminalUI"],
            path: "Tests/Fuzz/FuzzTargets"
        ),
        .executableTarget(name: "chatterm-fuzz", dependencies: ["FuzzTargets"], path: "Tests/Fuzz/chatterm-fuzz"),
        .testTarget(name: "ChatModelTests", dependencies: ["ChatModel"]),
        .testTarget(name: "BuiltInDataTests", dependencies: ["BuiltInData"]),
        .testTarget(name: "ChatCoreTests", dependencies: ["ChatCore", "ChatModel"]),
        .testTarget(
            name: "ChatServerTests",
            dependencies: [
                "ChatServer", "ChatModel", "ChatTestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "TerminalUITests",
            dependencies: ["TerminalUI", "ChatCore", "ChatModel", "CNCurses", "ChatStore", "ChatImport", "ChatTestSupport"],
            exclude: ["Snapshots"]
        ),
        .testTarget(name: "ChatImportTests", dependencies: ["ChatImport", "ChatModel", "ChatTestSupport"]),
        .testTarget(name: "ChatStoreTests", dependencies: ["ChatStore", "ChatImport", "ChatModel", "ChatTestSupport"]),
        .testTarget(name: "ReportTests", dependencies: ["Report", "ChatStore", "ChatImport", "ChatModel", "ChatTestSupport"]),
        .testTarget(name: "ChattermTests", dependencies: ["chatterm", "ChatModel", "ChatStore", "ChatTestSupport"]),
        .testTarget(name: "FuzzCorpusTests", dependencies: ["FuzzTargets"]),
        .testTarget(
            name: "ChatClientTests",
            dependencies: [
                "ChatClient", "ChatServer", "ChatStore", "ChatModel", "ChatCore", "ChatTestSupport",
                // Hummingbird's WebSocket client used directly, so a test can stop reading.
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
    ]
)
