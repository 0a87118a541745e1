import InventoryCore
import InventoryPolicy
import Planning
import ProcuraTestSupport
import Testing

/// Observed lead times (receipts.csv) into the plan: `policy.lead_time_source` catalog | observed |
/// blend, and the drift proposal with the catalog (issue 13, item 5).
@Suite("Lead times from receipts: observed supply, catalog/observed/blend, drift proposals")
struct LeadTimeSourceTests {
    /// STEADY at L1 from SUP (catalog 14 days, σ 0) with receipts whose lead times are `days`,
    /// received 30 days apart.
    static func company(receipts days: [Int], source: LeadTimeSource = .catalog) throws -> Snapshot {
        var b = PlanRunTests.company()
        b.settings.policy.leadTimes.source = source
        var snapshot = b.build()
        let steady = try #require(snapshot.itemIndex(id: "STEADY"))
        let l1 = try #require(snapshot.locationIndex(id: "L1"))
        let sup = try #require(snapshot.supplierIndex(id: "SUP"))
        let first = snapshot.asOf.adding(days: -400)
        snapshot.receipts = days.enumerated().map { k, d in
            let received = first.adding(days: 30 * k)
            return Receipt(
                orderID: "PO\(k)", item: steady, location: l1, supplier: sup, orderDate: received.adding(days: -d),
                dueDate: received.adding(days: -d + 12), receiptDate: received, quantity: k == 2 ? 90 : 100,
                orderedQuantity: 100)
        }
        return snapshot
    }

    @Test("observed supply by hand: mean, sample σ, least-squares trend, on time, in full, OTIF, returns")
    func observations() throws {
        var snapshot = try Self.company(receipts: [10, 12, 14, 16])
        let steady = try #require(snapshot.itemIndex(id: "STEADY"))
        snapshot.postings = [
            LedgerPosting(
                key: "r-1", date: snapshot.asOf, type: .returnToSupplier, item: steady, location: 0, quantity: 39, uom: "EA",
                baseQuantity: 39, supplier: 0, owner: .owned, unitCost: 0, reason: "damaged", reference: "PO1")
        ]
        let lines = SupplyObservations.lines(snapshot)
        #expect(lines.count == 1)
        let line = try #require(lines.first)
        #expect(line.receipts == 4 && line.meanLeadTimeDays == 13)
        // Σ(y − 13)² = 9 + 1 + 1 + 9 = 20 over n − 1 = 3.
        expectClose(line.leadTimeSDDays, (20.0 / 3).squareRoot(), relative: 1e-14, "σ")
        // x = 0, 30, 60, 90 days: Sxy = 300, Sxx = 4500 → 1/15 day per day = 365.25/15 a year.
        expectClose(try #require(line.leadTimeTrendDaysPerYear), 365.25 / 15, relative: 1e-12, "trend")
        // Due 12 days after ordering: lead times 10 and 12 are on time.
        #expect(line.receiptsWithDueDate == 4 && line.onTimeReceipts == 2 && line.onTimeShare == 0.5)
        // PO2 received 90 of 100; PO3 in full but late.
        #expect(line.orderLines == 4 && line.inFullLines == 3 && line.onTimeInFullLines == 2)
        #expect(line.quantityReceived == 390 && line.quantityReturned == 39 && line.returnShare == 0.1)
    }

    @Test("the blend: credibility n/(n + k) and the variance of the two-point mixture")
    func blend() {
        let observed = ObservedLeadTime(receipts: 5, meanDays: 24, standardDeviationDays: 10.0.squareRoot())
        let b = LeadTimeBasis.blend(catalogDays: 14, catalogSDDays: 0, observed: observed, credibilityReceipts: 10)
        #expect(b.weight == 5.0 / 15)
        expectClose(b.meanDays, 24.0 / 3 + 28.0 / 3, relative: 1e-14, "μ")
        // w·σo² + (1 − w)·σc² + w(1 − w)(μo − μc)² = 10/3 + 0 + (2/9)·100
        expectClose(b.standardDeviationDays, (10.0 / 3 + 200.0 / 9).squareRoot(), relative: 1e-14, "σ")
    }

    @Test("observed and blend replace the catalog's lead time once there are enough receipts; the explanation names it")
    func sources() async throws {
        let days = [20, 22, 24, 26, 28]  // mean 24, sample σ √10
        let observed = await PlanRun.run(
            snapshot: try Self.company(receipts: days, source: .observed), estimator: HistoryDemandEstimator())
        let o = observed.rows[0].policy
        #expect(o.evaluation.supply.leadTime.meanDays == 24)
        expectClose(o.evaluation.supply.leadTime.standardDeviationDays, 10.0.squareRoot(), relative: 1e-12, "σL")
        let step = try #require(o.explanation.steps.first { $0.name == "lead time" })
        #expect(step.numbers == "observed over 5 receipts (catalog 14 ± 0 days)")
        #expect(o.leadTimeProposal == nil && !o.notes.contains(.leadTimeDrift))

        let blended = await PlanRun.run(
            snapshot: try Self.company(receipts: days, source: .blend), estimator: HistoryDemandEstimator())
        let b = blended.rows[0].policy
        expectClose(b.evaluation.supply.leadTime.meanDays, 52.0 / 3, relative: 1e-12, "blended L")
        #expect(
            try #require(b.explanation.steps.first { $0.name == "lead time" }).numbers
                == "blend: 33.33 % observed over 5 receipts (24 ± 3.16 days), 66.67 % catalog (14 ± 0 days)")

        // Four receipts are fewer than the minimum of 5: the catalog's lead time stays.
        let few = await PlanRun.run(
            snapshot: try Self.company(receipts: Array(days.prefix(4)), source: .observed), estimator: HistoryDemandEstimator())
        #expect(few.rows[0].policy.evaluation.supply.leadTime.meanDays == 14)
    }

    @Test("with the catalog, drifted receipts give a proposal equal to the observed plan, with the reason")
    func proposal() async throws {
        let days = [20, 22, 24, 26, 28]
        let catalog = await PlanRun.run(snapshot: try Self.company(receipts: days), estimator: HistoryDemandEstimator())
        let observed = await PlanRun.run(
            snapshot: try Self.company(receipts: days, source: .observed), estimator: HistoryDemandEstimator())
        let policy = catalog.rows[0].policy
        #expect(policy.evaluation.supply.leadTime.meanDays == 14)
        #expect(policy.notes.contains(.leadTimeDrift))
        #expect(catalog.summary.notes["lead_time_drift"] == 1)
        let proposal = try #require(policy.leadTimeProposal)
        #expect(proposal.current == policy.final)
        #expect(proposal.proposed == observed.rows[0].policy.final)
        #expect(proposal.proposed.reorderPoint > proposal.current.reorderPoint)
        #expect(proposal.reason == "SUP delivered in 24 ± 3.16 days over 5 receipts, the catalog says 14 ± 0")
        let step = try #require(policy.explanation.steps.first { $0.name == "lead-time drift" })
        #expect(step.numbers == proposal.reason)
        #expect(step.result.hasPrefix("proposed: safety stock "))
        #expect(policy.explanation.notes.contains(PolicyNotes.catalogue.first { $0.note == .leadTimeDrift }!.text))

        // Within max(3, 0.25 × 14) = 3.5 days of the catalog: no proposal.
        let close = await PlanRun.run(
            snapshot: try Self.company(receipts: [15, 16, 17, 17, 18]), estimator: HistoryDemandEstimator())
        #expect(close.rows[0].policy.leadTimeProposal == nil)
        #expect(close.summary.notes["lead_time_drift"] == nil)
    }

    @Test("a supplier's scorecard pools all its receipts: mean, sample σ, catalog, drifted lines, OTIF; others have none")
    func scorecard() async throws {
        var snapshot = try Self.company(receipts: [10, 12, 14, 16])
        snapshot.settings.policy.leadTimes.minimumReceipts = 2
        let erratic = try #require(snapshot.itemIndex(id: "ERRATIC"))
        let sup = try #require(snapshot.supplierIndex(id: "SUP"))
        for k in 0..<2 {
            let received = snapshot.asOf.adding(days: -100 + 10 * k)
            snapshot.receipts.append(
                Receipt(
                    orderID: "E\(k)", item: erratic, location: 0, supplier: sup, orderDate: received.adding(days: -20),
                    receiptDate: received, quantity: 5))
        }
        let cards = await SupplierScorecards.compute(snapshot: snapshot)
        #expect(cards.map(\.supplierID) == ["SUP", "ALT"])
        let card = cards[0]
        #expect(card.receipts == 6 && card.itemLocations == 2)
        // Lead times 10, 12, 14, 16, 20, 20: mean 92/6; Σ(x − x̄)² = 85⅓ over 5.
        expectClose(try #require(card.meanLeadTimeDays), 92.0 / 6, relative: 1e-14, "mean")
        expectClose(try #require(card.leadTimeSDDays), (256.0 / 3 / 5).squareRoot(), relative: 1e-12, "σ")
        // Catalog 14 days for STEADY's 4 receipts, 10 for ERRATIC's 2.
        expectClose(try #require(card.catalogLeadTimeDays), 76.0 / 6, relative: 1e-14, "catalog")
        expectClose(try #require(card.leadTimeDeviationDays), 16.0 / 6, relative: 1e-12, "deviation")
        #expect(card.driftedLines == 1)  // ERRATIC: 20 vs 10 days; STEADY: 13 vs 14 is within 3.5
        // ERRATIC's receipts carry no due date or ordered quantity: the shares are STEADY's.
        #expect(card.onTimeShare == 0.5 && card.inFullShare == 0.75 && card.onTimeInFullShare == 0.5)
        #expect(cards[1].receipts == 0 && cards[1].meanLeadTimeDays == nil && cards[1].onTimeInFullShare == nil)
        #expect(await SupplierScorecards.compute(snapshot: snapshot, supplierID: "ALT").map(\.supplierID) == ["ALT"])
    }
}
