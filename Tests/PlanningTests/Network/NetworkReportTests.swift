import InventoryCore
import InventoryPolicy
import ProcuraTestSupport
import Testing

@testable import Planning

/// The network report (docs/risk.md, "Network report"): Pearson correlation of the locations'
/// demand, pooled σ, safety stock per location against pooled, and the transport-time trade-off.
@Suite("Network report")
struct NetworkReportTests {
    static let a = NetworkReport.SiteInput(locationId: "A", mean: 10, sd: 3, leadTime: 2, serviceLevel: 0.95, held: 10)
    static let b = NetworkReport.SiteInput(locationId: "B", mean: 20, sd: 4, leadTime: 4, serviceLevel: 0.98, held: 20)

    @Test("two locations by hand: ρ = 72/√(48·112), σ_pooled = √(9 + 16 + 2·ρ·3·4), central B with L_c = 4")
    func twoLocations() throws {
        let history: [[Double]] = [[10, 12, 8, 14, 6, 10, 12, 8], [20, 22, 18, 26, 14, 20, 24, 16]]
        let line = try NetworkReport.evaluate(
            itemId: "P1", category: "Pumps", unitCost: 5, sites: [Self.a, Self.b], history: history)
        let rho = 72 / (48.0 * 112).squareRoot()
        #expect(line.correlationBasis == "measured" && line.overlapPeriods == 8)
        #expect(line.correlations.map(\.locations) == ["A~B"])
        expectClose(line.correlations[0].correlation, rho, relative: 1e-12, "ρ")
        expectClose(line.correlations[0].correlation, 0.9819805060619657, relative: 1e-12, "ρ")
        let pooled = (9 + 16 + 2 * rho * 12).squareRoot()
        expectClose(line.pooledSdPerPeriod, pooled, relative: 1e-12, "σ pooled")
        expectClose(line.pooledSdPerPeriod, 6.969040977457887, relative: 1e-12, "σ pooled")
        #expect(line.centralLocationId == "B" && line.centralLeadTimePeriods == 4)
        #expect(line.serviceLevel == 0.98, "the strictest target")
        let z = 2.053748910631822
        expectClose(line.safetyStockDecentralised, z * (3 * 2.0.squareRoot() + 4 * 2), relative: 1e-12, "SS_dec")
        expectClose(line.safetyStockPooled, z * pooled * 2, relative: 1e-12, "SS_cen")
        expectClose(line.savingUnits, -3.4820106567772733, relative: 1e-9, "the longer central lead time outweighs pooling")
        expectClose(line.savingValue, -17.410053283886366, relative: 1e-9)
        #expect(line.safetyStockHeld == 30)
        expectClose(line.heldMinusPooledUnits, 30 - z * pooled * 2, relative: 1e-12)
        #expect(line.pipelineDecentralised == 100 && line.pipelineCentralised == 120)
        #expect(line.pipelineChangeValue == 100)
        expectClose(line.netValue, -117.41005328388637, relative: 1e-9)
        #expect(line.sites.map(\.safetyStockFormula).count == 2)
    }

    @Test("fewer than 8 common periods: independent demand; two identical sites save 1 − 1/√2 (square-root law)")
    func independent() throws {
        let site = NetworkReport.SiteInput(locationId: "A", mean: 10, sd: 4, leadTime: 4, serviceLevel: 0.95, held: 12)
        var other = site
        other.locationId = "B"
        let line = try NetworkReport.evaluate(
            itemId: "P1", category: "", unitCost: 2, sites: [site, other], history: [[1, 2, 3], [3, 2, 1]])
        #expect(line.correlationBasis == "independent" && line.overlapPeriods == 3 && line.correlations.isEmpty)
        #expect(line.centralLocationId == "A", "a tie on demand: the smallest id")
        expectClose(line.savingUnits / line.safetyStockDecentralised, 1 - 1 / 2.0.squareRoot(), relative: 1e-12)
        #expect(line.pipelineChangeValue == 0 && line.netValue == line.savingValue)
    }

    @Test("a location whose demand does not vary has no correlation with the others")
    func constantSeries() {
        let m = DemandCorrelation.matrix([[5, 5, 5, 5], [1, 2, 3, 4], [4, 3, 2, 1]])
        #expect(m[0] == [1, 0, 0] && m[1][0] == 0)
        #expect(abs(m[1][2] + 1) < 1e-12 && m[2][1] == m[1][2] && m[1][1] == 1)
    }

    @Test("the report over a planned snapshot: items at two locations only, categories add up")
    func report() async throws {
        var b = SnapshotBuilder()
        b.item("P1", cost: 4, category: "Pumps")
        b.item("P2", cost: 10, category: "Valves")
        b.location("DC1")
        b.location("DC2")
        b.supplier("S1")
        for location in ["DC1", "DC2"] { b.source("P1", at: location, from: "S1", leadTime: 14, price: 4) }
        b.source("P2", at: "DC1", from: "S1", leadTime: 14, price: 10)
        let weeks: [Double] = (0..<52).map { Double(20 + ($0 * 7) % 11) }
        b.demand("P1", at: "DC1", weeks)
        b.demand("P1", at: "DC2", weeks.map { $0 * 2 })
        b.demand("P2", at: "DC1", weeks)
        let document = try await NetworkReport.planned(snapshot: b.build())
        #expect(document.lines.map(\.itemId) == ["P1"], "P2 is stocked at one location")
        let line = try #require(document.lines.first)
        #expect(line.centralLocationId == "DC2" && line.correlationBasis == "measured")
        expectClose(line.correlations.first?.correlation ?? .nan, 1, relative: 1e-12, "DC2 demands twice DC1 every week")
        #expect(document.byCategory.map(\.name) == ["Pumps"] && document.total.items == 1)
        #expect(document.period == "week" && document.minimumOverlap == 8)
    }
}
