// swift-tools-version:6.1
// Storage benchmarks (issue 5): bulk demand import into SQLite, single durable postings, and
// 8 concurrent writers × 10,000 postings on SQLite and PostgreSQL. A package of its own so the
// main build stays lean; run with ./run.sh (release build).
import Foundation
import PackageDescription

// The main package is a path dependency; its identity is the name of the checkout's folder.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let procura = root.lastPathComponent

let package = Package(
    name: "storage-bench",
    platforms: [.macOS(.v14)],
    dependencies: [.package(path: root.path)],
    targets: [
        .executableTarget(
            name: "storage-bench",
            dependencies: [.product(name: "Storage", package: procura), .product(name: "InventoryCore", package: procura)],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        )
    ]
)
