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
        .library(name: "DataImport", targets: ["DataImport"]),
        .library(name: "Planning", targets: ["Planning"]),
        .library(name: "Storage", targets: ["Storage"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit", from: "2.17.0"),
    ],
    targets: [
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
            name: "DataImport",
            dependencies: ["InventoryCore", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Planning",
            dependencies: ["InventoryCore", "Forecasting", "InventoryPolicy"],
            swiftSettings: swiftSettings
        ),

        .target(
            name: "Storage",
            dependencies: [
                "InventoryCore", "Forecasting", "InventoryPolicy", "DataImport", "Planning",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: Executables
        .executableTarget(
            name: "procura",
            dependencies: [
                "InventoryCore", "Forecasting", "InventoryPolicy", "DataImport", "Planning", "Storage",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
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
            name: "DataImportTests",
            dependencies: ["DataImport", "Forecasting", "ProcuraTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PlanningTests",
            dependencies: ["Planning", "Forecasting", "DataImport", "ProcuraTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "StorageTests",
            dependencies: ["Storage", "Planning", "ProcuraTestSupport", .product(name: "SQLKit", package: "sql-kit")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ProcuraCLITests",
            dependencies: ["procura", "Storage", "ProcuraTestSupport"],
            swiftSettings: swiftSettings
        ),
    ]
)
