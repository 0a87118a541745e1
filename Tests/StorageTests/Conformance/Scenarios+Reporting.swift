import DataImport
import InventoryCore
import Storage
import Testing

extension StorageScenario {
    static let reporting: [StorageScenario] = [
        StorageScenario(name: "intercompany transfers reconcile per company pair with goods in transit and their age") { store in
            try await StorageFixture.load(store)
            _ = try await store.post(StorageFixture.request("r1", .receipt, 100))
            _ = try await store.post(StorageFixture.request("t1-out", .transferOut, 30, to: "PLANT", reference: "T1"))
            _ = try await store.post(StorageFixture.request("t1-in", .transferIn, 20, to: "PLANT", reference: "T1"))
            _ = try await store.post(StorageFixture.request("t2-out", .transferOut, 5, to: "DC2", reference: "T2"))  // same company
            let report = try await store.intercompanyReconciliation(asOf: StorageFixture.day.adding(days: 12))
            #expect(report.pairs.count == 1)
            let pair = try #require(report.pairs.first)
            #expect(pair.fromCompany == "C1" && pair.toCompany == "C2")
            #expect(pair.shippedQuantity == StorageFixture.q(30) && pair.receivedQuantity == StorageFixture.q(20))
            #expect(pair.differenceQuantity == StorageFixture.q(10))
            #expect(pair.differenceValue == 250_000)  // 10 × 2.5
            #expect(report.inTransit.count == 1)
            let open = try #require(report.inTransit.first)
            #expect(open.reference == "T1" && open.quantity == StorageFixture.q(10) && open.ageDays == 12)
            // Reversing the shipment's remainder is not possible (whole entries only); reversing the receipt reopens it.
            _ = try await store.post(
                StorageFixture.request("x1", .reversal, 20, to: "PLANT", reason: "booked twice", reference: "t1-in"))
            let after = try await store.intercompanyReconciliation(asOf: StorageFixture.day)
            #expect(after.pairs.first?.receivedQuantity == 0)
            #expect(after.inTransit.first?.quantity == StorageFixture.q(30))
        },
        StorageScenario(name: "a supplier's stock statement is compared with its stock in our ledger") { store in
            try await StorageFixture.load(store)
            _ = try await store.post(StorageFixture.request("c1", .consignmentReceipt, 10, supplier: "S1"))
            _ = try await store.post(StorageFixture.request("u1", .consumption, 3, supplier: "S1"))
            _ = try await store.post(StorageFixture.request("c2", .consignmentReceipt, 4, item: "P2", supplier: "S1"))
            let report = try await store.consignmentReconciliation(
                supplierID: "S1",
                statement: [
                    StockStatementLine(itemID: "P1", locationID: "DC1", quantity: 8),
                    StockStatementLine(itemID: "P1", locationID: "DC2", quantity: 1),
                ])
            #expect(report.lines.count == 3)
            let byItem = Dictionary(uniqueKeysWithValues: report.lines.map { ($0.itemID + "@" + $0.locationID, $0) })
            #expect(byItem["P1@DC1"]?.difference == StorageFixture.q(1))
            #expect(byItem["P1@DC2"]?.inLedger == false)
            #expect(byItem["P2@DC1"]?.onStatement == false && byItem["P2@DC1"]?.difference == StorageFixture.q(-4))
            #expect(report.differences.count == 3)
        },
        StorageScenario(name: "plan runs are numbered and kept") { store in
            let first = try await store.savePlanRun(
                asOf: StorageFixture.day, label: "weekly",
                results: [PlanResultRow(itemID: "P1", locationID: "DC1", kind: "policy", payload: #"{"reorder_point":12}"#)])
            let second = try await store.savePlanRun(asOf: StorageFixture.day.adding(days: 7), results: [])
            #expect(first.runNumber == 1 && second.runNumber == 2)
            let runs = try await store.listPlanRuns()
            #expect(runs.map(\.runNumber) == [2, 1])
            #expect(runs.last?.resultCount == 1 && runs.last?.label == "weekly")
            #expect(try await store.planResults(runNumber: 1).map(\.payload) == [#"{"reorder_point":12}"#])
        },
    ]
}
