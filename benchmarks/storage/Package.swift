// swift-tools-version:6.1
// Storage benchmarks (issue 5): bulk demand import into SQLite, single durable postings, and
// 8 concurrent writers × 10,000 postings on SQLite and PostgreSQL. A package of its own so the
// main build stays lean; run with ./run.sh (release build).
import PackageDescription

let package = Package(
    name: "storage-bench",
    platforms: [.macOS(.v14)],
    dependencies: [.package(path: "../..")],
    targets: [
        .executableTarget(
            name: "storage-bench",
            dependencies: [.product(name: "Storage", package: "Procura"), .product(name: "InventoryCore", package: "Procura")],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        )
    ]
)
