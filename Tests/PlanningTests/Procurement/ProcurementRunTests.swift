import DataImport
import DemoData
import Foundation
import InventoryCore
import InventoryPolicy
import Planning
import ProcuraTestSupport
import Testing

@Suite("Proposals: net requirements of a plan, grouped into purchase orders")
struct ProcurementRunTests {
    /// One item at one location with the worked example's stock, open order, transfer and
    /// allocation, and a second item of the same supplier that needs an order at once.
    static func snapshot(settings: PlanningSettings = .init()) -> Snapshot {
        var b = SnapshotBuilder(settings: settings)
        b.item("A", cost: 2)
        b.item("B", cost: 5)
        b.item("V", cost: 1)
        b.location("L1")
        b.supplier("S1")
        b.supplier("S2")
        b.source("A", at: "L1", from: "S1", leadTime: 10, share: 0.6, orderMultiple: 25)
        b.source("A", at: "L1", from: "S2", leadTime: 3, share: 0.4, moq: 50)
        b.source("B", at: "L1", from: "S1", leadTime: 12, moq: 40)
        b.source("V", at: "L1", from: "S2", leadTime: 5, ownership: .vmi)
        b.demand("A", at: "L1", [Double](repeating: 40, count: 52))
        b.demand("B", at: "L1", [Double](repeating: 20, count: 52))
        b.demand("V", at: "L1", [Double](repeating: 10, count: 52))
        b.stock("A", at: "L1", 400)
        b.stock("B", at: "L1", 5)
        b.stock("V", at: "L1", 3, ownership: .vmi)
        var snapshot = b.build()
        let later = snapshot.asOf.adding(days: 8)
        snapshot.openOrders = [
            OpenOrder(orderID: "PO-1", item: 0, location: 0, supplier: 0, quantity: 50, dueDate: later),
            OpenOrder(orderID: "TR-1", item: 0, location: 0, fromLocation: 0, quantity: 10, dueDate: snapshot.asOf),
        ]
        return snapshot
    }

    @Test("one proposed order per supplier and location; each line keeps its requirement")
    func proposals() async throws {
        let snapshot = Self.snapshot()
        let plan = try await ProcurementRun.planned(snapshot: snapshot)
        #expect(plan.horizonBuckets == 13 && plan.bucketStarts[0] == snapshot.asOf)
        #expect(plan.releaseBefore == snapshot.asOf.adding(days: 7))
        let outcomes = Dictionary(uniqueKeysWithValues: plan.itemLocations.map { ($0.itemID, $0.outcome) })
        #expect(outcomes["V"] == .supplierManaged)
        #expect(outcomes["B"] == .proposed)
        let b = try plan.requirements(itemID: "B", locationID: "L1")
        let bucket = try #require(b.requirements?.buckets.first)
        // 5 on hand − 20 a week: short at once, released 12 days late.
        #expect(bucket.netRequirement > 0 && bucket.projectedBeforePlanning == 5 - bucket.gross)
        let order = try #require(plan.proposals.first { $0.supplierId == "S1" })
        let line = try #require(order.lines.first { $0.itemId == "B" })
        #expect(line.daysLate == 12 && line.releaseDate == snapshot.asOf.adding(days: -12).description)
        #expect(line.purchaseQuantity >= 40 && line.requirement.bucket == 1)
        #expect(line.requirement.netRequirement == bucket.netRequirement)
        #expect(order.releaseDate == snapshot.asOf.description && order.lateLines >= 1)
        #expect(abs(order.value - order.lines.reduce(0) { $0 + $1.value }) < 1e-9)
        #expect(plan.proposals.map(\.number) == Array(1...plan.proposals.count))
        // A: 400 on hand covers the first bucket; its planned orders come later.
        #expect(outcomes["A"] == .releaseLater)
        let a = try #require(try plan.requirements(itemID: "A", locationID: "L1").requirements)
        #expect(a.buckets[0].transfersInTransit == 10 && a.buckets[1].scheduledReceipts == 50)
        #expect(a.plannedOrders.allSatisfy { $0.releaseDate >= plan.releaseBefore })
        #expect(Set(a.plannedOrders.map { a.input.sources[$0.source].supplierID }) == ["S1", "S2"])
    }

    @Test("supply from the ledger: a receipt against the open order, an allocation, consignment stock counted or ignored")
    func supplyFromTheLedger() async throws {
        var snapshot = Self.snapshot()
        snapshot.countedStock.append(InventoryLot(item: 0, location: 0, onHand: 15, ownership: .consignment, supplier: 1))
        let day = snapshot.asOf
        snapshot.postings = [
            LedgerPosting(
                key: "R1", date: day, type: .receipt, item: 0, location: 0, quantity: 20, uom: "", baseQuantity: 20,
                supplier: 0, unitCost: 2, reference: "PO-1"),
            LedgerPosting(
                key: "A1", date: day, type: .allocation, item: 0, location: 0, quantity: 30, uom: "", baseQuantity: 30,
                unitCost: 2, reference: "WO-7"),
        ]
        // Overdue: in the first bucket; after the horizon (13 weeks): left out.
        snapshot.openOrders += [
            OpenOrder(orderID: "PO-2", item: 0, location: 0, supplier: 1, quantity: 25, dueDate: day.adding(days: -20)),
            OpenOrder(orderID: "PO-3", item: 0, location: 0, supplier: 1, quantity: 99, dueDate: day.adding(days: 7 * 13)),
            OpenOrder(orderID: "PO-4", item: 0, location: 0, supplier: 1, quantity: 7, dueDate: day.adding(days: 7 * 13 - 1)),
        ]
        let plan = try await ProcurementRun.planned(snapshot: snapshot)
        let input = try #require(try plan.requirements(itemID: "A", locationID: "L1").requirements?.input)
        #expect(input.onHand == 420 && input.allocated == 30 && input.supplierOwnedOnHand == 15)
        #expect(input.scheduledReceipts[1] == 30)  // 50 ordered, 20 received against PO-1
        #expect(input.scheduledReceipts[0] == 25 && input.scheduledReceipts[12] == 7)
        #expect(input.scheduledReceipts.reduce(0, +) == 62)
        #expect(input.transfersInTransit[0] == 10)
        var configuration = ProcurementRun.Configuration(settings: snapshot.settings.procurement)
        configuration.supplierOwnedStock = .ignore
        let ignoring = try await ProcurementRun.planned(snapshot: snapshot, configuration: configuration)
        #expect(try ignoring.requirements(itemID: "A", locationID: "L1").requirements?.input.supplierOwnedOnHand == 0)
    }

    @Test("a release window of 100 days proposes A too; consolidation 0 keeps release dates apart")
    func releaseWindowAndConsolidation() async throws {
        var settings = PlanningSettings()
        settings.procurement.releaseWindowDays = 100
        settings.procurement.consolidationDays = 0
        let plan = try await ProcurementRun.planned(snapshot: Self.snapshot(settings: settings))
        #expect(plan.itemLocations.first { $0.itemID == "A" }?.outcome == .proposed)
        #expect(plan.proposals.count > 2)
        for order in plan.proposals {
            let releases = try order.lines.map { max(try #require(Day(iso: $0.releaseDate)), plan.asOf).description }
            #expect(releases.allSatisfy { $0 == order.releaseDate })
        }
    }

    @Test("a horizon longer than the plan's forecasts is refused, naming both")
    func horizon() async throws {
        let snapshot = Self.snapshot()
        let plan = await PlanRun.run(snapshot: snapshot)
        var configuration = ProcurementRun.Configuration(settings: .init())
        configuration.horizonBuckets = 20
        #expect(throws: ProcurementError.self) {
            try ProcurementRun.run(
                snapshot: snapshot, policies: plan.requirementPolicies(items: snapshot.items), configuration: configuration)
        }
        do {
            _ = try ProcurementRun.run(
                snapshot: snapshot, policies: plan.requirementPolicies(items: snapshot.items), configuration: configuration)
        } catch {
            #expect(
                error.message
                    == "horizon 20 buckets: the plan's forecasts cover 13 — plan again with procurement.horizon_buckets: 20, or ask for at most 13"
            )
        }
        configuration.horizonBuckets = 0
        await #expect(throws: ProcurementError.self) {
            try await ProcurementRun.planned(snapshot: snapshot, configuration: configuration)
        }
    }

    /// The demo company (600 items, 2 locations), planned once.
    static let demo = Task<(Snapshot, PlanResult), any Error> {
        let directory = try Fixtures.temporaryDirectory("procura-proposals-demo")
        defer { try? FileManager.default.removeItem(at: directory) }
        let company = try DemoCompany(configuration: .init(itemCount: 600, locationCount: 2, seed: 5))
        _ = try DemoDataWriter().write(company, to: directory)
        let snapshot = try DataFolderImporter().load(from: directory).snapshot
        return (snapshot, await PlanRun.run(snapshot: snapshot))
    }

    @Test("demo company: every reorder alert of the dashboard has a proposal or a documented reason")
    func demoReconciles() async throws {
        let (snapshot, result) = try await Self.demo.value
        let plan = try ProcurementRun.run(snapshot: snapshot, policies: result.requirementPolicies(items: snapshot.items))
        // The same item-locations as the dashboard's reorder alert.
        let kpis = InventoryKPIs(snapshot: snapshot, itemLocations: result.kpiItemLocations)
        let alerts = plan.itemLocations.filter(\.reorderAlert)
        #expect(alerts.count == kpis.alerts.first { $0.kind == "reorder" }?.count)
        #expect(alerts.count > 20)
        var reasons: [ProposalOutcome: Int] = [:]
        for row in alerts {
            reasons[row.outcome, default: 0] += 1
            switch row.outcome {
            case .proposed:
                let lines = plan.proposals.flatMap(\.lines).filter { $0.itemId == row.itemID && $0.locationId == row.locationID }
                #expect(!lines.isEmpty, "\(row.itemID)@\(row.locationID): proposed without a line")
            case .releaseLater:
                // Documented reason: the first planned order is released after the window.
                let first = try #require(row.requirements?.plannedOrders.map(\.releaseDate).min())
                #expect(first >= plan.releaseBefore)
            case .noNetRequirement:
                // Documented reason: the projected balance never falls below the safety stock.
                let r = try #require(row.requirements)
                #expect(r.buckets.allSatisfy { $0.netRequirement == 0 && $0.projectedAvailable >= r.input.safetyStock - 1e-6 })
            case .supplierManaged:
                #expect(row.policy.strategy == .vmi)
            case .noSupplier:
                #expect(row.policy.sources.allSatisfy { $0.supplierID.isEmpty })
            case .noStockPolicy:
                Issue.record("\(row.itemID)@\(row.locationID): an alert needs a stock policy")
            }
        }
        // Most alerts are answered by a proposal.
        #expect((reasons[.proposed] ?? 0) * 2 > alerts.count, "\(reasons)")
        // Every line: an item-location proposed, MOQ and multiple respected, due for release.
        let proposed = Set(plan.itemLocations.filter { $0.outcome == .proposed }.map { $0.itemID + "@" + $0.locationID })
        for order in plan.proposals {
            #expect(order.lines.allSatisfy { $0.supplierId == order.supplierId && $0.locationId == order.locationId })
            for line in order.lines {
                #expect(proposed.contains(line.itemId + "@" + line.locationId))
                #expect(line.releaseDate < plan.releaseBefore.description)
                let rule = try #require(
                    snapshot.sourcing.first {
                        snapshot.items[Int($0.item)].id == line.itemId
                            && snapshot.locations[Int($0.location)].id == line.locationId
                            && snapshot.suppliers[Int($0.supplier)].id == line.supplierId
                    })
                #expect(line.purchaseQuantity + 1e-9 >= rule.moq)
                if rule.orderMultiple > 0 {
                    let ratio = line.purchaseQuantity / rule.orderMultiple
                    #expect(abs(ratio - ratio.rounded()) < 1e-6)
                }
            }
        }
    }
}
