// swift-tools-version:6.1
// Forecasting benchmark: automatic selection over a matrix of series, timed in a release build.
// Run through ../run.py, which also times statsforecast on the same series (docs/benchmarks.md).
import PackageDescription

let package = Package(
    name: "forecastbench",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Procura", path: "../../..")],
    targets: [
        .executableTarget(
            name: "forecastbench",
            dependencies: [.product(name: "Forecasting", package: "Procura"), .product(name: "InventoryCore", package: "Procura")]
        )
    ]
)
