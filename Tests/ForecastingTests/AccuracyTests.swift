import Forecasting
import ProcuraTestSupport
import Testing

@Suite("Forecast accuracy (accuracy_metrics.json)")
struct AccuracyTests {
    @Test(
        "MAE, RMSE, MAPE, sMAPE, WAPE, MASE, bias and tracking signal as the file's formulas",
        arguments: ["accuracy_smooth_weekly", "accuracy_intermittent_weekly"])
    func reference(_ caseID: String) throws {
        let c = try #require(try ReferenceFile("accuracy_metrics.json").cases.first { $0["id"].string == caseID })
        let tolerance = Tolerance(relative: 1e-9, absolute: 1e-9)
        let e = c["expected"]
        let id = c["id"].string ?? ""
        let actual = c["actual"].doubles
        let forecast = c["forecast"].doubles
        let train = c["train"].doubles
        let r1 = AccuracyReport(actual: actual, forecast: forecast, training: train, seasonalPeriod: 1)
        let r12 = AccuracyReport(actual: actual, forecast: forecast, training: train, seasonalPeriod: 12)
        #expect(r1.count == e["n"].int)
        expectClose(try #require(r1.mae), try #require(e["MAE"].double), tolerance, "\(id) MAE")
        expectClose(try #require(r1.rmse), try #require(e["RMSE"].double), tolerance, "\(id) RMSE")
        expectClose(try #require(r1.mapePercent), try #require(e["MAPE_pct"].double), tolerance, "\(id) MAPE")
        #expect(r1.mapeCount == e["MAPE_n_used"].int, "\(id): MAPE excludes zero actuals")
        expectClose(try #require(r1.smapePercent), try #require(e["sMAPE_pct"].double), tolerance, "\(id) sMAPE")
        #expect(r1.smapeCount == e["sMAPE_n_used"].int)
        expectClose(try #require(r1.wapePercent), try #require(e["WAPE_pct"].double), tolerance, "\(id) WAPE")
        expectClose(try #require(r1.maseScale), try #require(e["MASE_m1_scale"].double), tolerance, "\(id) MASE scale m=1")
        expectClose(try #require(r1.mase), try #require(e["MASE_m1"].double), tolerance, "\(id) MASE m=1")
        expectClose(try #require(r12.maseScale), try #require(e["MASE_m12_scale"].double), tolerance, "\(id) MASE scale m=12")
        expectClose(try #require(r12.mase), try #require(e["MASE_m12"].double), tolerance, "\(id) MASE m=12")
        expectClose(try #require(r1.meanError), try #require(e["bias_mean_error_F_minus_A"].double), tolerance, "\(id) bias")
        expectClose(
            try #require(r1.biasPercent), try #require(e["bias_pct_sumF_minus_sumA_over_sumA"].double), tolerance, "\(id) bias %")
        expectClose(
            try #require(r1.trackingSignal), try #require(e["tracking_signal"].double), tolerance, "\(id) tracking signal")
    }

    @Test("MAPE is undefined when every actual is zero; WAPE too; sMAPE skips 0/0 periods")
    func zeros() {
        let r = AccuracyReport(actual: [0, 0, 0], forecast: [1, 0, 2])
        #expect(r.mapePercent == nil && r.mapeCount == 0)
        #expect(r.wapePercent == nil)
        #expect(r.smapeCount == 2)
        #expect(r.smapePercent == 200)
        #expect(r.biasPercent == nil)
    }

    @Test("tracking signal alerts beyond its threshold, with the direction of the bias")
    func trackingSignal() {
        let over = TrackingSignal(actual: [10, 10, 10, 10, 10], forecast: [12, 12, 12, 12, 12])
        #expect(over.value == -5)
        #expect(over.isAlert && over.direction == "over-forecast")
        let mixed = TrackingSignal(actual: [10, 12, 8, 11], forecast: [11, 11, 9, 10])
        #expect(!mixed.isAlert)
    }

    @Test("segment aggregation weights items by value; drivers ranked by error value")
    func segments() throws {
        let cheap = AccuracyReport(actual: [10, 10], forecast: [20, 20])  // Σ|e| = 20, Σ|A| = 20
        let dear = AccuracyReport(actual: [10, 10], forecast: [11, 9])  // Σ|e| = 2, Σ|A| = 20
        let summary = SegmentAccuracy.aggregate([
            .init(id: "cheap", segment: "A", weight: 1, report: cheap),
            .init(id: "dear", segment: "A", weight: 100, report: dear),
            .init(id: "other", segment: "B", weight: 1, report: dear),
        ])
        #expect(summary.map(\.segment) == ["A", "B"])
        let a = summary[0]
        // (1·20 + 100·2) / (1·20 + 100·20) = 220 / 2020
        expectClose(try #require(a.wapePercent), 100 * 220 / 2020, relative: 1e-12, "value-weighted WAPE")
        // bias: (1·20 + 100·0) / 2020
        expectClose(try #require(a.biasPercent), 100 * 20 / 2020, relative: 1e-12, "value-weighted bias")
        #expect(a.drivers.map(\.id) == ["dear", "cheap"])
        expectClose(a.drivers[0].share, 200.0 / 220.0, relative: 1e-12, "share")
    }
}
