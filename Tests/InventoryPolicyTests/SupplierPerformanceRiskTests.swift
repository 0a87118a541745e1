import InventoryCore
import InventoryPolicy
import ProcuraTestSupport
import Testing

/// The supply risk of the Kraljic segmentation with its performance component (issue 15, item 7):
/// base (catalog) + performance (OTIF, lead-time deviation, returns, responsiveness).
@Suite("Kraljic supply risk: base + performance")
struct SupplierPerformanceRiskTests {
    typealias Line = SupplierSegmentation.SupplyLine
    typealias Performance = SupplierSegmentation.Performance

    /// Supplier 0: 90 % of spend, dual source, 30 ± 6 days — base 0.3 × 30/60 + 0.3 × 0.2/0.5 =
    /// 0.27, leverage. Supplier 1: 10 % of spend, single source, 12 ± 0 days — base 0.4 + 0.3 ×
    /// 12/60 = 0.46, non-critical.
    static let lines = [
        Line(supplier: 0, annualSpend: 900, leadTimeDays: 30, leadTimeSDDays: 6, isSingleSource: false),
        Line(supplier: 1, annualSpend: 100, leadTimeDays: 12, leadTimeSDDays: 0, isSingleSource: true),
    ]

    static var weighted: SupplierSegmentationSettings {
        var s = SupplierSegmentationSettings()
        s.otifWeight = 0.5
        s.leadTimeDeviationWeight = 0.2
        s.returnWeight = 0.2
        s.responsivenessWeight = 0.1
        return s
    }

    @Test("without performance figures (or with the default weights) the risk is the catalog's alone")
    func baseOnly() {
        let plain = SupplierSegmentation.segment(lines: Self.lines, supplierCount: 2, settings: .init())
        #expect(plain.map(\.segment) == [.leverage, .nonCritical])
        expectClose(plain[0].riskScore, 0.27, relative: 1e-12, "supplier 0")
        expectClose(plain[1].riskScore, 0.46, relative: 1e-12, "supplier 1")
        #expect(plain.allSatisfy { $0.performanceRiskScore == 0 && $0.baseRiskScore == $0.riskScore })
        // Default weights are 0: even a dreadful performer keeps its segment and score.
        let awful = Performance(onTimeInFullShare: 0, leadTimeDeviationShare: 3, returnShare: 1, responsiveness: 0)
        let defaults = SupplierSegmentation.segment(
            lines: Self.lines, supplierCount: 2, settings: .init(), performance: [0: awful, 1: awful])
        #expect(defaults == plain)
        // Weights set but no figures: nothing added.
        #expect(
            SupplierSegmentation.segment(lines: Self.lines, supplierCount: 2, settings: Self.weighted, performance: [:])
                .map(\.riskScore) == plain.map(\.riskScore))
    }

    @Test("each performance term by hand: 0.5·(1 − 0.6) + 0.2·(0.25/0.5) + 0.2·min(1, 0.1/0.05) + 0.1·(1 − 0.5) = 0.55")
    func components() {
        let p = Performance(onTimeInFullShare: 0.6, leadTimeDeviationShare: 0.25, returnShare: 0.1, responsiveness: 0.5)
        expectClose(p.riskScore(Self.weighted), 0.2 + 0.1 + 0.2 + 0.05, relative: 1e-12, "performance")
        // Early deliveries are no risk; a missing figure adds nothing.
        #expect(Performance(leadTimeDeviationShare: -0.4).riskScore(Self.weighted) == 0)
        expectClose(Performance(onTimeInFullShare: 0.6).riskScore(Self.weighted), 0.2, relative: 1e-12, "OTIF only")
        let results = SupplierSegmentation.segment(
            lines: Self.lines, supplierCount: 2, settings: Self.weighted, performance: [0: p])
        expectClose(results[0].baseRiskScore, 0.27, relative: 1e-12, "base")
        expectClose(results[0].performanceRiskScore, 0.55, relative: 1e-12, "performance part")
        expectClose(results[0].riskScore, 0.82, relative: 1e-12, "risk = base + performance")
        #expect(results[0].segment == .strategic)
        #expect(results[1].segment == .nonCritical && results[1].performanceRiskScore == 0)
    }

    @Test("poor OTIF alone moves a leverage supplier to strategic, a reliable one stays")
    func poorOTIFMovesSegment() {
        let poor = SupplierSegmentation.segment(
            lines: Self.lines, supplierCount: 2, settings: Self.weighted,
            performance: [0: Performance(onTimeInFullShare: 0.4), 1: Performance(onTimeInFullShare: 1)])
        // 0.27 + 0.5 × 0.6 = 0.57 ≥ 0.5.
        expectClose(poor[0].riskScore, 0.57, relative: 1e-12, "poor OTIF")
        #expect(poor.map(\.segment) == [.strategic, .nonCritical])
        // 0.27 + 0.5 × 0.1 = 0.32 < 0.5.
        let reliable = SupplierSegmentation.segment(
            lines: Self.lines, supplierCount: 2, settings: Self.weighted, performance: [0: Performance(onTimeInFullShare: 0.9)])
        expectClose(reliable[0].riskScore, 0.32, relative: 1e-12, "good OTIF")
        #expect(reliable[0].segment == .leverage)
        // Poor OTIF of supplier 1 (0.46 + 0.5 × 0.2 = 0.56): non-critical → bottleneck.
        let small = SupplierSegmentation.segment(
            lines: Self.lines, supplierCount: 2, settings: Self.weighted, performance: [1: Performance(onTimeInFullShare: 0.8)])
        #expect(small[1].segment == .bottleneck)
    }
}
