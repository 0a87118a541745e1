// swift-tools-version:6.1
import Foundation
import PackageDescription

// Release-build benchmark executables, kept out of the main package so `swift test` stays lean.
// Build: swift build -c release --package-path benchmarks/swift
//
// The main package is a path dependency; its identity is the name of the checkout's folder.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let procura = root.lastPathComponent

let package = Package(
    name: "ProcuraBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [.package(path: root.path)],
    targets: [
        .executableTarget(
            name: "procura-bench",
            dependencies: [
                .product(name: "InventoryCore", package: procura),
                .product(name: "InventoryPolicy", package: procura),
                .product(name: "Forecasting", package: procura),
                .product(name: "DataImport", package: procura),
                .product(name: "Planning", package: procura),
            ]
        )
    ]
)
