import Foundation
import InventoryCore
import ProcuraTestSupport

/// Tests/Fixtures/statistics_scipy.json, written by scripts/make-statistics-fixture.py.
enum ScipyFixture {
    static func load() throws -> JSONValue {
        try JSONValue.parse(Data(contentsOf: Fixtures.url("statistics_scipy.json")))
    }

    /// Quantiles: 1e-9 relative (the brief's target for Φ⁻¹).
    static let quantile = Tolerance(relative: 1e-9, absolute: 1e-300)
    /// Densities, distribution functions, tails: 1e-10 relative.
    static let value = Tolerance(relative: 1e-10, absolute: 1e-300)
}
