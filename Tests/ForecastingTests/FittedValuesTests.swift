import Forecasting
import Foundation
import InventoryCore
import ProcuraTestSupport
import Testing

/// `Tests/Fixtures/forecasting/statsforecast_fitted.json` (made by make_statsforecast_fitted.py
/// next to it): statsforecast's in-sample fitted values, NaN positions included.
@Suite("statsforecast fitted values (statsforecast_fitted.json)")
struct FittedValuesTests {
    static let file: JSONValue? = try? JSONValue.parse(Data(contentsOf: Fixtures.url("forecasting/statsforecast_fitted.json")))
    static let cases: [JSONValue] = file?["cases"].array ?? []
    static let ids: [String] = cases.compactMap { $0["id"].string }

    @Test("the fixture is there")
    func present() {
        #expect(Self.cases.count == 108)
    }

    @Test("fitted values and forecasts agree", arguments: ids)
    func fitted(_ id: String) throws {
        let c = try #require(Self.cases.first { $0["id"].string == id })
        let series = try ReferenceSeries.all()
        let y = try #require(series[c["series"].string ?? ""]).y
        let model = try procuraModel(named: try #require(c["model"].string), params: c["params"])
        let fit = try model.fit(y)
        let optimised = ["ets", "holt", "holt-winters"].contains(c["model"].string ?? "")
        let tolerance = optimised ? Tolerance(relative: 1e-6, absolute: 1e-9) : Tolerance(relative: 1e-9, absolute: 1e-9)
        let expectedFitted = c["fitted"].array.map { $0.double ?? .nan }
        try #require(fit.fitted.count == expectedFitted.count, "\(id): fitted length")
        for (t, (a, e)) in zip(fit.fitted, expectedFitted).enumerated() {
            expectClose(a, e, tolerance, "\(id) fitted[\(t)]")
        }
        for (h, (a, e)) in zip(fit.forecast(h: 12), c["forecast"].doubles).enumerated() {
            expectClose(a, e, tolerance, "\(id) forecast h=\(h + 1)")
        }
    }
}
