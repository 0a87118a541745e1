import Forecasting
import InventoryCore
import Planning
import ProcuraTestSupport
import Testing

@Suite("Accuracy backtest on a snapshot")
struct AccuracyRunTests {
    /// Two items in two categories: RISING (cost 2) climbs by 10 a week, FLAT (cost 10) alternates
    /// 20/30. No outlier capping, so the naive model's forecasts can be written down by hand.
    static func company() -> Snapshot {
        var b = SnapshotBuilder()
        b.location("L1")
        b.item("RISING", cost: 2, category: "raw")
        b.item("FLAT", cost: 10, category: "spares")
        b.demand("RISING", at: "L1", (0..<20).map { 10 * Double($0 + 1) })
        b.demand("FLAT", at: "L1", (0..<20).map { $0 % 2 == 0 ? 20 : 30 })
        var snapshot = b.build()
        snapshot.settings.forecasting.outlierThreshold = nil
        return snapshot
    }

    static let naive = ForecastModelChoice.named(.naive, ModelSettings())

    @Test("rolling one-step naive: each holdout bucket forecast by the one before; metrics by hand")
    func rolling() async throws {
        let report = try await AccuracyRun.run(snapshot: Self.company(), configuration: .init(holdout: 3, model: Self.naive))
        #expect(report.mode == .rolling && report.holdout == 3 && report.items.count == 2)
        #expect(report.origin == Day(year: 2026, month: 11, day: 9))
        let rising = report.items[0]
        #expect(rising.actual == [180, 190, 200] && rising.statistical == [170, 180, 190])
        let m = rising.report
        #expect(m.mae == 10 && m.rmse == 10 && m.meanError == -10)
        expectClose(try #require(m.wapePercent), 100 * 30.0 / 570, relative: 1e-12, "WAPE")
        expectClose(try #require(m.mapePercent), 100 * (10.0 / 180 + 10.0 / 190 + 10.0 / 200) / 3, relative: 1e-12, "MAPE")
        // MASE: the naive in-sample error of the 17 training buckets is 10.
        #expect(m.mase == 1)
        // Under-forecast every bucket: Σe / MAD = 30 / 10 = 3, below the alert threshold 4.
        #expect(rising.trackingSignal.value == 3 && !rising.trackingSignal.isAlert)
        let flat = report.items[1]
        #expect(flat.actual == [30, 20, 30] && flat.statistical == [20, 30, 20])
    }

    @Test("fixed origin: 1…N steps ahead from T − N")
    func fixed() async throws {
        let report = try await AccuracyRun.run(
            snapshot: Self.company(), configuration: .init(holdout: 3, mode: .fixed, model: Self.naive))
        #expect(report.items[0].statistical == [170, 170, 170])
        #expect(report.items[0].report.sumAbsoluteError == 10 + 20 + 30)
    }

    @Test("segments weighted by value: WAPE = Σ cost·|e| / Σ cost·A; the items driving the error by cost·|e|")
    func segments() async throws {
        let report = try await AccuracyRun.run(
            snapshot: Self.company(), configuration: .init(holdout: 3, model: Self.naive, segmentation: .category))
        #expect(report.segments.map(\.accuracy.segment) == ["raw", "spares"])
        let total = report.total.accuracy
        // RISING: cost 2, Σ|e| 30, ΣA 570; FLAT: cost 10, Σ|e| 30, ΣA 80.
        expectClose(try #require(total.wapePercent), 100 * (2 * 30.0 + 10 * 30) / (2 * 570.0 + 10 * 80), relative: 1e-12, "WAPE")
        #expect(report.total.drivers.map(\.index) == [1, 0])
        expectClose(report.total.drivers[0].share, 300.0 / 360, relative: 1e-12, "share")
        #expect(report.items[1].segment == "spares")
        let byClass = try await AccuracyRun.run(snapshot: Self.company(), configuration: .init(holdout: 3, segmentation: .class))
        #expect(byClass.items.allSatisfy { $0.segment.count == 2 })  // AX … CZ
    }

    @Test("forecast value added: an override in the holdout window gives a final forecast, judged apart")
    func valueAdded() async throws {
        var snapshot = Self.company()
        let origin = Day(year: 2026, month: 11, day: 9)!
        snapshot.overrides.append(
            Override(
                item: 1, location: 0, parameter: "forecast_per_bucket", value: 25, reason: "planner", validFrom: origin,
                validTo: origin.adding(days: 20)))
        let report = try await AccuracyRun.run(snapshot: snapshot, configuration: .init(holdout: 3, model: Self.naive))
        let flat = report.items[1]
        #expect(flat.final == [25, 25, 25] && flat.statistical == [20, 30, 20])
        let final = try #require(flat.finalReport)
        #expect(final.sumAbsoluteError == 15 && flat.report.sumAbsoluteError == 30)
        let fva = try #require(report.valueAdded)
        #expect(fva.itemLocations == 1)
        expectClose(try #require(fva.added), 100 * 30.0 / 80 - 100 * 15.0 / 80, relative: 1e-12, "FVA in WAPE points")
        #expect(report.items[0].finalReport == nil)
    }

    @Test("no look-ahead: the model is selected on the history before the origin")
    func noLookAhead() async throws {
        var snapshot = Self.company()
        let full = try await AccuracyRun.run(snapshot: snapshot, configuration: .init(holdout: 3, mode: .fixed))
        // Changing the recorded holdout demand changes the errors, not the forecasts.
        for c in 17..<20 { snapshot.demand.quantities[c] = 0 }
        let changed = try await AccuracyRun.run(snapshot: snapshot, configuration: .init(holdout: 3, mode: .fixed))
        #expect(full.items[0].statistical == changed.items[0].statistical)
        #expect(changed.items[0].actual == [0, 0, 0])
    }

    @Test("a holdout as long as the history is refused with the history's length")
    func holdoutTooLong() async throws {
        await #expect {
            _ = try await AccuracyRun.run(snapshot: Self.company(), configuration: .init(holdout: 20))
        } throws: { error in
            guard let error = error as? ForecastRunError else { return false }
            return error.code == .holdoutTooLong
                && error.message
                    == "--holdout 20 is not shorter than the history: 20 complete weeks (2026-07-13 … 2026-11-23) — use at most 19, and leave enough to fit on"
        }
    }
}
