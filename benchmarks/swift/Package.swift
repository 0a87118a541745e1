// swift-tools-version:6.1
import PackageDescription

// Release-build benchmark executables, kept out of the main package so `swift test` stays lean.
// The main package is named explicitly ("Procura") because a path dependency's identity is its
// folder name, which differs between checkouts.
let package = Package(
    name: "ProcuraBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Procura", path: "../..")
    ],
    targets: [
        // MARK: Executables
        .executableTarget(
            name: "import-bench",
            dependencies: [
                .product(name: "DataImport", package: "Procura"),
                .product(name: "InventoryCore", package: "Procura"),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny"), .enableUpcomingFeature("MemberImportVisibility")]
        )
    ]
)
