// swift-tools-version:6.1
import PackageDescription

/// One set of compiler settings for every target (STYLE.md: package and modules).
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Procura",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "procura", targets: ["procura"]),
        .library(name: "InventoryCore", targets: ["InventoryCore"]),
        .library(name: "Forecasting", targets: ["Forecasting"]),
        .library(name: "InventoryPolicy", targets: ["InventoryPolicy"]),
        .library(name: "Simulation", targets: ["Simulation"]),
        .library(name: "Workflow", targets: ["Workflow"]),
        .library(name: "DataImport", targets: ["DataImport"]),
        .library(name: "DemoData", targets: ["DemoData"]),
        .library(name: "Planning", targets: ["Planning"]),
        .library(name: "Storage", targets: ["Storage"]),
        .library(name: "WebApp", targets: ["WebApp"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit", from: "2.17.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/vapor/sqlite-nio", from: "1.13.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // The web application (WebApp): Hummingbird 2 without its swift-configuration trait.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // MARK: System libraries
        // The system SQLite (Debian's libsqlite3-dev; .ci/run installs it when missing): Storage
        // calls it directly for speed (docs/storage.md).
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),

        // The direct connection to it, in a module of its own so that its C declarations never meet
        // sqlite-nio's vendored copy of the same header in one module.
        .target(name: "SystemSQLite", dependencies: ["CSQLite"], swiftSettings: swiftSettings),

        // MARK: Libraries (bottom row first; a module imports only rows below it — DESIGN.md)
        .target(
            name: "InventoryCore",
            dependencies: [.product(name: "RealModule", package: "swift-numerics")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Forecasting",
            dependencies: ["InventoryCore", .product(name: "RealModule", package: "swift-numerics")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "InventoryPolicy",
            dependencies: ["InventoryCore", "Forecasting", .product(name: "RealModule", package: "swift-numerics")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Simulation",
            dependencies: ["InventoryCore", "InventoryPolicy", .product(name: "Yams", package: "Yams")],
            // The named stress tests (ScenarioSpec YAML).
            resources: [.embedInCode("Resources")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Workflow",
            dependencies: ["InventoryCore"],
            resources: [.embedInCode("Resources")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "DataImport",
            dependencies: ["InventoryCore", "InventoryPolicy", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "DemoData",
            dependencies: ["InventoryCore"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Planning",
            dependencies: ["InventoryCore", "Forecasting", "InventoryPolicy", "Simulation"],
            swiftSettings: swiftSettings
        ),

        .target(
            name: "Storage",
            dependencies: [
                "InventoryCore", "Forecasting", "InventoryPolicy", "DataImport", "Planning", "Workflow",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                "SystemSQLite",
                // Accounts: bcrypt (CBcrypt only, no HTTP), SHA-256 of secrets, the thread pool bcrypt runs on.
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),

        .target(
            name: "WebApp",
            dependencies: [
                "InventoryCore", "Forecasting", "InventoryPolicy", "DataImport", "DemoData", "Planning", "Simulation", "Storage", "Workflow",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.embedInCode("Resources")],
            swiftSettings: swiftSettings
        ),

        // MARK: Executables
        .executableTarget(
            name: "procura",
            dependencies: [
                "InventoryCore", "Forecasting", "InventoryPolicy", "DataImport", "DemoData", "Planning", "Simulation", "Storage", "Workflow", "WebApp",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: Test support (not a product)
        .target(
            name: "ProcuraTestSupport",
            dependencies: ["InventoryCore"],
            path: "Tests/ProcuraTestSupport",
            swiftSettings: swiftSettings
        ),

        // MARK: Tests (one target per module)
        .testTarget(
            name: "InventoryCoreTests",
            dependencies: ["InventoryCore", "ProcuraTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ForecastingTests",
            dependencies: ["Forecasting", "ProcuraTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "InventoryPolicyTests",
            dependencies: ["InventoryPolicy", "ProcuraTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SimulationTests",
            dependencies: ["Simulation", "InventoryPolicy", "ProcuraTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WorkflowTests",
            dependencies: ["Workflow", "InventoryCore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DataImportTests",
            dependencies: ["DataImport", "Forecasting", "ProcuraTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DemoDataTests",
            dependencies: ["DemoData", "DataImport", "Forecasting", "InventoryCore", "ProcuraTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PlanningTests",
            dependencies: ["Planning", "Forecasting", "DataImport", "DemoData", "ProcuraTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "StorageTests",
            dependencies: [
                "Storage", "Planning", "Workflow", "DataImport", "DemoData", "ProcuraTestSupport", .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WebAppTests",
            dependencies: [
                "WebApp", "Storage", "DataImport", "Planning", "Workflow", "ProcuraTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ProcuraCLITests",
            dependencies: ["procura", "Storage", "DataImport", "ProcuraTestSupport"],
            swiftSettings: swiftSettings
        ),
    ]
)
