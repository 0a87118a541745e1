import InventoryCore
import Testing

@testable import Storage

extension StorageScenario {
    static let ledger: [StorageScenario] = [
        StorageScenario(name: "migrations are recorded once") { store in
            let versions = try await store.schemaVersions()
            #expect(versions == Migrator.all.map(\.version))
            #expect(versions == Array(1...18), "numbered 1, 2, … without gaps")
            let applied = try await Migrator.migrate(store.backend, at: store.clock.now())
            #expect(applied == [])
            #expect(try await store.schemaVersions() == versions)
        },
        StorageScenario(name: "receipt and issue move owned on-hand") { store in
            try await StorageFixture.load(store)
            let r = try await store.post(StorageFixture.request("r1", .receipt, 10))
            #expect(!r.replayed)
            #expect(r.value == 250_000)  // 10 × 2.5 at 10⁻⁴
            _ = try await store.post(StorageFixture.request("i1", .issue, 3))
            #expect(try await store.onHand("P1", "DC1") == StorageFixture.q(7))
            #expect(try await store.verify().isConsistent)
        },
        StorageScenario(name: "a repeated key returns the original result and posts nothing") { store in
            try await StorageFixture.load(store)
            let request = StorageFixture.request("r1", .receipt, 10)
            let first = try await store.post(request)
            let again = try await store.post(request)
            #expect(again.replayed)
            #expect(again.entryID == first.entryID)
            #expect(again.movements == first.movements)
            #expect(try await store.entryCount() == 1)
            #expect(try await store.onHand("P1", "DC1") == StorageFixture.q(10))
            let conflict = await expectStorageError(.idempotencyConflict) {
                _ = try await store.post(StorageFixture.request("r1", .receipt, 11))
            }
            #expect(conflict?.message.hasPrefix("idempotency key 'r1' was already used for a different posting") == true)
        },
        StorageScenario(name: "negative on-hand is refused unless the location allows it") { store in
            try await StorageFixture.load(store)
            _ = try await store.post(StorageFixture.request("r1", .receipt, 2))
            let error = await expectStorageError(.negativeStock) {
                _ = try await store.post(StorageFixture.request("i1", .issue, 3))
            }
            #expect(
                error?.message
                    == "on-hand of P1 at DC1 (owned) would become -1: only 2 available for 3 — post the missing receipt first, or allow negative stock at DC1"
            )
            #expect(try await store.entryCount() == 1)
            #expect(try await store.onHand("P1", "DC1") == StorageFixture.q(2))
            try await store.setAllowNegativeStock(true, locationID: "DC1")
            _ = try await store.post(StorageFixture.request("i1", .issue, 3))
            #expect(try await store.onHand("P1", "DC1") == StorageFixture.q(-1))
        },
        StorageScenario(
            name: "a posting in a convertible unit is stored in base units, units in any case; an unknown unit is refused"
        ) { store in
            try await StorageFixture.load(store)
            let r = try await store.post(StorageFixture.request("r1", .receipt, 2, uom: "BOX"))
            #expect(r.quantity == StorageFixture.q(24))
            #expect(try await store.onHand("P1", "DC1") == StorageFixture.q(24))
            // As in the data-folder import, units match case-insensitively.
            #expect(
                try await store.post(StorageFixture.request("r1-lower", .receipt, 1, uom: "box")).quantity == StorageFixture.q(12)
            )
            #expect(
                try await store.post(StorageFixture.request("r1-base", .receipt, 1, uom: "ea")).quantity == StorageFixture.q(1))
            #expect(try await store.onHand("P1", "DC1") == StorageFixture.q(37))
            let error = await expectStorageError(.unknownUnit) {
                _ = try await store.post(StorageFixture.request("r2", .receipt, 1, uom: "PAL"))
            }
            #expect(
                error?.message
                    == "unit 'PAL' does not convert for item P1 (posting 'r2') — allowed units: EA, BOX; add the unit to uom_conversions.csv or post in one of these"
            )
        },
        StorageScenario(name: "reasons are required for adjustments, scrap and reversals") { store in
            try await StorageFixture.load(store)
            await expectStorageError(.invalidPosting) { _ = try await store.post(StorageFixture.request("a1", .adjustment, -1)) }
            await expectStorageError(.invalidPosting) { _ = try await store.post(StorageFixture.request("s1", .scrap, 1)) }
            _ = try await store.post(StorageFixture.request("r1", .receipt, 5))
            _ = try await store.post(StorageFixture.request("a1", .adjustment, -2, reason: "count"))
            _ = try await store.post(StorageFixture.request("s1", .scrap, 1, reason: "damaged"))
            #expect(try await store.onHand("P1", "DC1") == StorageFixture.q(2))
        },
        StorageScenario(name: "transfers go out, through transit, in; intercompany when companies differ") { store in
            try await StorageFixture.load(store)
            _ = try await store.post(StorageFixture.request("r1", .receipt, 10))
            let out = try await store.post(StorageFixture.request("t1-out", .transferOut, 4, to: "DC2", reference: "T1"))
            #expect(!out.intercompany)
            #expect(try await store.onHand("P1", "DC1") == StorageFixture.q(6))
            #expect(try await store.position("P1", "DC2").inTransit == StorageFixture.q(4))
            _ = try await store.post(StorageFixture.request("t1-in", .transferIn, 4, to: "DC2", reference: "T1"))
            let dc2 = try await store.position("P1", "DC2")
            #expect(dc2.inTransit == 0 && dc2.onHand == StorageFixture.q(4))
            let ic = try await store.post(StorageFixture.request("t2-out", .transferOut, 3, to: "PLANT", reference: "T2"))
            #expect(ic.intercompany)
            await expectStorageError(.negativeStock) {
                _ = try await store.post(StorageFixture.request("t2-in", .transferIn, 5, to: "PLANT", reference: "T2"))
            }
            await expectStorageError(.invalidPosting) { _ = try await store.post(StorageFixture.request("t3", .transferOut, 1)) }
        },
        StorageScenario(name: "a transfer_in posted at the receiving location finds its shipment by reference") { store in
            try await StorageFixture.load(store)
            _ = try await store.post(StorageFixture.request("r1", .receipt, 10))
            _ = try await store.post(StorageFixture.request("t9-out", .transferOut, 4, to: "PLANT", reference: "T9"))
            let arrival = try await store.post(
                StorageFixture.request("t9-in", .transferIn, 4, at: "PLANT", to: "PLANT", reference: "T9"))
            #expect(arrival.intercompany)
            let plant = try await store.position("P1", "PLANT")
            #expect(plant.onHand == StorageFixture.q(4) && plant.inTransit == 0)
            let report = try await store.intercompanyReconciliation(asOf: StorageFixture.day)
            #expect(report.pairs.map(\.receivedQuantity) == [StorageFixture.q(4)])
            #expect(report.pairs.first?.fromCompany == "C1" && report.inTransit.isEmpty)
        },
        StorageScenario(name: "consignment is supplier-owned until consumed; consumption records a usage line") { store in
            try await StorageFixture.load(store)
            let receipt = try await store.post(StorageFixture.request("c1", .consignmentReceipt, 10, supplier: "S1"))
            #expect(receipt.movements.first?.position.owner == .consignment)
            #expect(try await store.onHand("P1", "DC1", owner: .consignment, supplier: "S1") == StorageFixture.q(10))
            #expect(try await store.onHand("P1", "DC1") == 0)
            _ = try await store.post(StorageFixture.request("u1", .consumption, 4, supplier: "S1"))
            #expect(try await store.onHand("P1", "DC1", owner: .consignment, supplier: "S1") == StorageFixture.q(6))
            let usage = try await store.consignmentUsage(supplierID: "S1")
            #expect(usage.count == 1)
            #expect(usage.first?.quantity == StorageFixture.q(4))
            #expect(usage.first?.unitPrice == 2_000_000)  // 24 per BOX of 12 = 2 per EA
            #expect(usage.first?.amount == 80_000)  // 4 × 2 = 8.0000
            _ = try await store.post(StorageFixture.request("v1", .vmiReceipt, 5, supplier: "S2"))
            #expect(try await store.onHand("P1", "DC1", owner: .vmi, supplier: "S2") == StorageFixture.q(5))
            await expectStorageError(.invalidPosting) {
                _ = try await store.post(StorageFixture.request("c2", .consignmentReceipt, 1))
            }
            await expectStorageError(.invalidPosting) {
                _ = try await store.post(StorageFixture.request("i1", .issue, 1, owner: .consignment))
            }
        },
        StorageScenario(name: "a reversal cancels an entry once; entries never change") { store in
            try await StorageFixture.load(store)
            let receipt = try await store.post(StorageFixture.request("r1", .receipt, 10))
            let reversal = try await store.post(
                StorageFixture.request("x1", .reversal, 10, reason: "wrong item", reference: "r1"))
            #expect(reversal.quantity == -receipt.quantity)
            #expect(reversal.value == -receipt.value)
            #expect(try await store.onHand("P1", "DC1") == 0)
            await expectStorageError(.reversalTarget) {
                _ = try await store.post(StorageFixture.request("x2", .reversal, 10, reason: "again", reference: "r1"))
            }
            await expectStorageError(.reversalTarget) {
                _ = try await store.post(StorageFixture.request("x3", .reversal, 10, reason: "undo", reference: "x1"))
            }
            await expectStorageError(.reversalTarget) {
                _ = try await store.post(StorageFixture.request("x4", .reversal, 1, reason: "none", reference: "nope"))
            }
            #expect(try await store.entryCount() == 2)
            // Consumption reversed: the usage line is cancelled by a negative one.
            _ = try await store.post(StorageFixture.request("c1", .consignmentReceipt, 10, supplier: "S1"))
            _ = try await store.post(StorageFixture.request("u1", .consumption, 4, supplier: "S1"))
            _ = try await store.post(StorageFixture.request("x5", .reversal, 4, reason: "not used", reference: "u1"))
            let usage = try await store.consignmentUsage(supplierID: "S1")
            #expect(usage.map(\.quantity) == [StorageFixture.q(4), StorageFixture.q(-4)])
            #expect(try await store.onHand("P1", "DC1", owner: .consignment, supplier: "S1") == StorageFixture.q(10))
        },
        StorageScenario(name: "a batch posts all or nothing") { store in
            try await StorageFixture.load(store)
            await expectStorageError(.negativeStock) {
                _ = try await store.post([StorageFixture.request("r1", .receipt, 1), StorageFixture.request("i1", .issue, 5)])
            }
            #expect(try await store.entryCount() == 0)
            #expect(try await store.onHand("P1", "DC1") == 0)
            let results = try await store.post([
                StorageFixture.request("r1", .receipt, 5), StorageFixture.request("i1", .issue, 5),
            ])
            #expect(results.count == 2)
        },
        StorageScenario(name: "a failing posting among concurrent ones fails alone (group commit keeps them apart)") { store in
            try await StorageFixture.load(store)
            let outcomes = await withTaskGroup(of: Bool.self) { group in
                for k in 0..<20 {
                    group.addTask {
                        let request =
                            k == 7
                            ? StorageFixture.request("too-much", .issue, 1_000)
                            : StorageFixture.request("r\(k)", .receipt, Double(k + 1))
                        return (try? await store.post(request)) != nil
                    }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 19)
            #expect(try await store.entryCount() == 19)
            #expect(try await store.onHand("P1", "DC1") == StorageFixture.q(202))  // 1 + … + 20 − 8
        },
        StorageScenario(name: "unknown item, location or supplier is refused") { store in
            try await StorageFixture.load(store)
            await expectStorageError(.unknownItem) {
                _ = try await store.post(StorageFixture.request("r1", .receipt, 1, item: "NOPE"))
            }
            await expectStorageError(.unknownLocation) {
                _ = try await store.post(StorageFixture.request("r1", .receipt, 1, at: "X"))
            }
            await expectStorageError(.unknownSupplier) {
                _ = try await store.post(StorageFixture.request("r1", .consignmentReceipt, 1, supplier: "S9"))
            }
        },
    ]
}
