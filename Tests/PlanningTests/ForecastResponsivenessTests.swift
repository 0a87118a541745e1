import InventoryCore
import InventoryPolicy
import Planning
import ProcuraTestSupport
import Testing

/// Responsiveness to forecast changes (issue 15, item 7): between consecutive published versions,
/// how the supplier's commitments followed the shared quantities; and how it and poor delivery
/// feed the supplier scorecard's risk and the plan's Kraljic segment.
@Suite("Supplier responsiveness and the performance part of the supply risk")
struct ForecastResponsivenessTests {
    typealias Line = ForecastResponsiveness.Line
    typealias Version = ForecastResponsiveness.Version

    static func at(_ text: String) throws -> Timestamp { try #require(Timestamp(iso8601: text)) }

    /// v1 → v2: A week 1 +20 (committed 100 → 115), A week 2 −20 (commitment stays 90), B
    /// unchanged, D's month cut to 18 days (not comparable), C new. v2 → v3: A week 1 +10, v3 not
    /// committed.
    static func versions() throws -> [Version] {
        [
            Version(
                version: 3, publishedAt: try at("2026-12-15T08:00:00Z"), committedAt: nil,
                lines: [Line(key: "A|W1", periodDays: 7, shared: 130, committed: nil)]),
            Version(
                version: 1, publishedAt: try at("2026-12-01T08:00:00Z"), committedAt: try at("2026-12-03T08:00:00Z"),
                lines: [
                    Line(key: "A|W1", periodDays: 7, shared: 100, committed: 100),
                    Line(key: "A|W2", periodDays: 7, shared: 100, committed: 90),
                    Line(key: "B|W1", periodDays: 7, shared: 50, committed: 50),
                    Line(key: "D|M12", periodDays: 25, shared: 100, committed: 100),
                ]),
            Version(
                version: 2, publishedAt: try at("2026-12-08T08:00:00Z"), committedAt: try at("2026-12-08T20:00:00Z"),
                lines: [
                    Line(key: "A|W1", periodDays: 7, shared: 120, committed: 115),
                    Line(key: "A|W2", periodDays: 7, shared: 80, committed: 90),
                    Line(key: "B|W1", periodDays: 7, shared: 50, committed: 50),
                    Line(key: "D|M12", periodDays: 18, shared: 70, committed: 70),
                    Line(key: "C|W3", periodDays: 7, shared: 10, committed: nil),
                ]),
        ]
    }

    @Test("by hand: 3 changed lines, 2 re-committed, follow (15 + 0)/40, score 2/3 × 0.375, 1.25 days to commit")
    func figures() throws {
        let r = try #require(ForecastResponsiveness.compute(try Self.versions()))
        #expect(r.versions == 3 && r.committedVersions == 2)
        #expect(r.changedLines == 3 && r.recommittedLines == 2)
        #expect(r.forecastChange == 40 && r.commitmentChange == 15)
        #expect(r.recommittedShare == 2.0 / 3 && r.followRatio == 0.375)
        expectClose(try #require(r.score), 0.25, relative: 1e-12, "score")
        #expect(r.meanDaysToCommit == 1.25)
        #expect(ForecastResponsiveness.compute([]) == nil)
        // One version: nothing changed yet — no score, but the days to commit.
        let one = try #require(ForecastResponsiveness.compute([try Self.versions()[1]]))
        #expect(one.changedLines == 0 && one.score == nil && one.followRatio == nil && one.meanDaysToCommit == 2)
    }

    @Test("commitments moved against the forecast follow negatively and score 0")
    func against() throws {
        let t = try Self.at("2026-12-01T00:00:00Z")
        let r = try #require(
            ForecastResponsiveness.compute([
                Version(
                    version: 1, publishedAt: t, committedAt: t,
                    lines: [Line(key: "A", periodDays: 7, shared: 100, committed: 100)]),
                Version(
                    version: 2, publishedAt: t, committedAt: t, lines: [Line(key: "A", periodDays: 7, shared: 80, committed: 110)]
                ),
            ]))
        #expect(r.followRatio == -0.5 && r.score == 0 && r.recommittedShare == 1)
    }

    @Test("the scorecard shows base + performance; poor OTIF moves SUP's segment in the scorecard and the plan's classification")
    func scorecardRisk() async throws {
        // SUP: STEADY's 4 receipts, OTIF 0.5 (LeadTimeSourceTests.observations); ALT: none.
        var snapshot = try LeadTimeSourceTests.company(receipts: [10, 12, 14, 16])
        let sup = try #require(snapshot.supplierIndex(id: "SUP"))
        snapshot.supplierResponsiveness[sup] = try #require(ForecastResponsiveness.compute(try Self.versions()))
        let before = try #require(await SupplierScorecards.compute(snapshot: snapshot, supplierID: "SUP").first)
        #expect(before.performanceRiskScore == 0 && before.baseRiskScore == before.riskScore)
        #expect(before.responsiveness?.changedLines == 3)
        let performance = before.performance
        #expect(performance.onTimeInFullShare == 0.5 && performance.returnShare == 0)
        expectClose(try #require(performance.responsiveness), 0.25, relative: 1e-12, "responsiveness")

        // The threshold just above SUP's base risk; OTIF weight 0.4 adds 0.4 × (1 − 0.5) = 0.2.
        snapshot.settings.supplierSegmentation.riskThreshold = min(1, before.baseRiskScore + 0.1)
        let unmoved = try #require(await SupplierScorecards.compute(snapshot: snapshot, supplierID: "SUP").first)
        #expect(unmoved.segment == before.segment && [.leverage, .nonCritical].contains(unmoved.segment))
        snapshot.settings.supplierSegmentation.otifWeight = 0.4
        let moved = try #require(await SupplierScorecards.compute(snapshot: snapshot, supplierID: "SUP").first)
        expectClose(moved.performanceRiskScore, 0.2, relative: 1e-12, "0.4 × (1 − OTIF 0.5)")
        expectClose(moved.riskScore, before.baseRiskScore + 0.2, relative: 1e-12, "risk = base + performance")
        #expect(moved.baseRiskScore == before.baseRiskScore)
        #expect(moved.segment == (before.segment == .leverage ? .strategic : .bottleneck))
        // The plan's classification (service levels, strategies) sees the same segment.
        let classification = await ClassificationRun.run(snapshot: snapshot)
        #expect(classification.suppliers.first { $0.supplier == sup }?.segment == moved.segment)
        // Responsiveness 0.25 with weight 0.2 adds 0.2 × 0.75 = 0.15 more.
        snapshot.settings.supplierSegmentation.responsivenessWeight = 0.2
        let both = try #require(await SupplierScorecards.compute(snapshot: snapshot, supplierID: "SUP").first)
        expectClose(both.performanceRiskScore, 0.35, relative: 1e-12, "OTIF + responsiveness")
    }
}
