// swift-tools-version:6.1
import PackageDescription

// Release-build benchmark executables, kept out of the main package so `swift test` stays lean.
// Build: swift build -c release --package-path benchmarks/swift
// The main package is named explicitly ("Procura") because a path dependency's identity is its
// folder name, which differs between checkouts.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"), .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "ProcuraBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Procura", path: "../.."),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.0.0"),
    ],
    targets: [
        // MARK: Executables
        .executableTarget(
            name: "procura-bench",
            dependencies: [
                .product(name: "InventoryCore", package: "Procura"),
                .product(name: "InventoryPolicy", package: "Procura"),
                .product(name: "Forecasting", package: "Procura"),
                .product(name: "DataImport", package: "Procura"),
                .product(name: "Planning", package: "Procura"),
                .product(name: "Simulation", package: "Procura"),
                .product(name: "RealModule", package: "swift-numerics"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "forecastbench",
            dependencies: [
                .product(name: "Forecasting", package: "Procura"),
                .product(name: "InventoryCore", package: "Procura"),
            ]
        ),
        .executableTarget(
            name: "gsm-bench",
            dependencies: [
                .product(name: "InventoryCore", package: "Procura"),
                .product(name: "InventoryPolicy", package: "Procura"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "import-bench",
            dependencies: [
                .product(name: "DataImport", package: "Procura"),
                .product(name: "InventoryCore", package: "Procura"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
