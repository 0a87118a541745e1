import InventoryCore
import Testing

@testable import Storage

/// Issue 19 (ledger part) and the ledger rules of DATA_FORMAT.md on both databases. The probe's
/// reproductions are in each scenario's comment.
extension StorageScenario {
    static let today = Day(year: 2026, month: 12, day: 4)!

    static let ledgerRules: [StorageScenario] = [
        // 19.2 — curl -X POST …/ledger/postings -H 'Idempotency-Key: i-1' -d '{"type":"issue","quantity":5,…}' twice,
        // the stock used up by the first: the second was 422 negative_stock on SQLite.
        StorageScenario(name: "a key sent again after its stock was used up is replayed, not refused (19.2)") { store in
            try await StorageFixture.load(store)
            _ = try await store.post(StorageFixture.request("r-1", .receipt, 5), today: today)
            let first = try await store.post(StorageFixture.request("i-1", .issue, 5), today: today)
            #expect(try await store.onHand("P1", "DC1") == 0)
            let again = try await store.post(StorageFixture.request("i-1", .issue, 5), today: today)
            #expect(again.replayed && again.entryID == first.entryID && again.movements == first.movements)
            let batch = try await store.post([StorageFixture.request("i-1", .issue, 5)], today: today)
            #expect(batch.map(\.replayed) == [true])
            #expect(try await store.entryCount() == 2)
        },
        // 19.5 — a unit of 1e12 base units × 1e7 was clamped to Int64.max and posted (201); a
        // position beyond Int64 was a 500 "Could not convert SQLite data to Int64".
        StorageScenario(
            name: "conversions, values and positions beyond the fixed-point range are refused naming the field (19.5)"
        ) { store in
            var snapshot = StorageFixture.snapshot()
            snapshot.uomConversions.append(UOMConversion(item: 0, uom: "TANK", baseUnitsPerUOM: 1e12))
            _ = try await store.importSnapshot(snapshot)
            let conversion = await expectStorageError(.valueOutOfRange) {
                _ = try await store.post(StorageFixture.request("t-1", .receipt, 10_000_000, uom: "TANK"), today: today)
            }
            #expect(
                conversion?.message
                    == "posting 't-1' (receipt): quantity 10000000 × 1000000000000 base units per unit is out of range — expected at most 9000000000000 base units in magnitude"
            )
            var costly = StorageFixture.request("t-2", .receipt, 8e12)
            costly.unitCost = 8e12
            let value = await expectStorageError(.valueOutOfRange) { _ = try await store.post(costly, today: today) }
            #expect(value?.message.hasPrefix("value of 8000000000000 units at 8000000000000 is out of range") == true)
            let quantity = await expectStorageError(.valueOutOfRange) {
                _ = try await store.post(StorageFixture.request("t-3", .receipt, 1e13), today: today)
            }
            #expect(
                quantity?.message
                    == "posting 't-3' (receipt): quantity 10000000000000.0 is out of range — expected a number between -9000000000000 and 9000000000000"
            )
            _ = try await store.post(StorageFixture.request("t-4", .receipt, 8e12), today: today)
            for (key, viaBatch) in [("t-5", false), ("t-6", true)] {
                let position = await expectStorageError(.valueOutOfRange) {
                    if viaBatch {
                        _ = try await store.post([StorageFixture.request(key, .receipt, 2e12)], today: today)
                    } else {
                        _ = try await store.post(StorageFixture.request(key, .receipt, 2e12), today: today)
                    }
                }
                #expect(
                    position?.message
                        == "on-hand of P1 at DC1 (owned) would leave the ledger's range: 8000000000000 + 2000000000000 is beyond ±9000000000000 base units"
                )
            }
            #expect(try await store.onHand("P1", "DC1") == 8_000_000_000_000_000_000)
            #expect(try await store.entryCount() == 1)
            try await store._checkInvariants()
        },
        // 19.6 — {"quantity": 1e-7} was accepted and stored as 0.
        StorageScenario(name: "a quantity that is 0 at the ledger's precision is refused (19.6)") { store in
            try await StorageFixture.load(store)
            let error = await expectStorageError(.invalidPosting) {
                _ = try await store.post(StorageFixture.request("z-1", .receipt, 1e-7), today: today)
            }
            #expect(
                error?.message
                    == "posting 'z-1' (receipt): quantity 1e-07 is 0 at the ledger's precision of 0.000001 base units — expected at least 0.000001 in magnitude"
            )
            #expect(try await store.entryCount() == 0)
        },
        // 19.10 — a 1 MB reason was stored.
        StorageScenario(name: "reasons, references and override texts have maximum lengths (19.10)") { store in
            try await StorageFixture.load(store)
            let reason = await expectStorageError(.invalidPosting) {
                _ = try await store.post(
                    StorageFixture.request("s-1", .scrap, 1, reason: String(repeating: "x", count: 1_000_000)), today: today)
            }
            #expect(reason?.message == "posting 's-1' (scrap): reason is 1000000 characters long — at most 500 are accepted")
            let reference = await expectStorageError(.invalidPosting) {
                _ = try await store.post(
                    StorageFixture.request("s-2", .receipt, 1, reference: String(repeating: "x", count: 201)), today: today)
            }
            #expect(reference?.message == "posting 's-2' (receipt): reference is 201 characters long — at most 200 are accepted")
            let override = await expectStorageError(.invalidOverride) {
                try await store.saveOverride(
                    OverrideRecord(
                        itemID: "P1", locationID: "DC1", parameter: "safety_stock", value: 3,
                        reason: String(repeating: "y", count: 501),
                        author: "ann"), actor: "ann")
            }
            #expect(override?.message == "override reason is 501 characters long — at most 500 are accepted")
            let domain = await expectStorageError(.invalidOverride) {
                try await store.saveOverride(
                    OverrideRecord(
                        itemID: "P1", locationID: "DC1", parameter: "service_level", value: 2, reason: "vital", author: "ann"),
                    actor: "ann")
            }
            #expect(domain?.message == "2.0 is not a valid service_level — expected a number in (0, 1)")
            #expect(try await store.overrides().isEmpty)
        },
        // 19.11 — a posting dated 2062-01-01 (a typo for 2026) was accepted.
        StorageScenario(name: "posting dates lie within the window of the imported settings around today (19.11)") { store in
            try await StorageFixture.load(store)
            var late = StorageFixture.request("d-1", .receipt, 1)
            late.date = Day(year: 2062, month: 1, day: 1)!
            let error = await expectStorageError(.invalidPosting) { _ = try await store.post(late, today: today) }
            #expect(
                error?.message
                    == "posting 'd-1' (receipt): date 2062-01-01 is outside the accepted posting dates 2016-12-03 … 2027-12-05 (today 2026-12-04: 3653 days back, 366 days ahead) — correct the date, or widen ledger.posting_days_back / ledger.posting_days_ahead in settings.yaml"
            )
            var old = StorageFixture.request("d-2", .receipt, 1)
            old.date = Day(year: 1990, month: 1, day: 1)!
            _ = await expectStorageError(.invalidPosting) { _ = try await store.post(old, today: today) }
            var snapshot = StorageFixture.snapshot()
            snapshot.settings.ledger = LedgerSettings(postingDaysBack: 20_000, postingDaysAhead: 0)
            _ = try await store.importSnapshot(snapshot)
            #expect(try await store.post(old, today: today).replayed == false)
            _ = await expectStorageError(.invalidPosting) { _ = try await store.post(late, today: today) }
        },
        StorageScenario(
            name:
                "a receipt naming an open order reduces it; an over-receipt stops at zero and is reported; a reversal restores it"
        ) { store in
            var snapshot = StorageFixture.snapshot()
            snapshot.openOrders = [
                OpenOrder(orderID: "PO-7", item: 0, location: 0, supplier: 1, quantity: 10, dueDate: StorageFixture.day)
            ]
            _ = try await store.importSnapshot(snapshot)
            // Receipts dated on or after the extract's date (those before it are in the extract already).
            func on(_ request: PostingRequest) -> PostingRequest {
                var dated = request
                dated.date = snapshot.asOf
                return dated
            }
            #expect(try await store.position("P1", "DC1").onOrder == StorageFixture.q(10))
            let partial = try await store.post(on(StorageFixture.request("g-1", .receipt, 4, reference: "PO-7")), today: today)
            #expect(partial.overReceipt == 0 && partial.movements.map(\.bucket) == [.onHand, .onOrder])
            #expect(try await store.position("P1", "DC1").onOrder == StorageFixture.q(6))
            let over = try await store.post(on(StorageFixture.request("g-2", .receipt, 9, reference: "PO-7")), today: today)
            #expect(over.overReceipt == StorageFixture.q(3))
            #expect(try await store.position("P1", "DC1").onOrder == 0)
            let replay = try await store.post(on(StorageFixture.request("g-2", .receipt, 9, reference: "PO-7")), today: today)
            #expect(replay.replayed && replay.overReceipt == StorageFixture.q(3))
            _ = try await store.post(
                on(StorageFixture.request("g-3", .reversal, 9, reason: "wrong order", reference: "g-2")), today: today)
            #expect(try await store.position("P1", "DC1").onOrder == StorageFixture.q(6))
            #expect(try await store.onHand("P1", "DC1") == StorageFixture.q(4))
            // Importing the same extract again keeps what the receipts received; a later extract
            // (which includes them) starts from its own quantity.
            _ = try await store.importSnapshot(snapshot)
            #expect(try await store.position("P1", "DC1").onOrder == StorageFixture.q(6))
            var later = snapshot
            later.asOf = snapshot.asOf.adding(days: 7)
            later.openOrders[0].quantity = 6
            _ = try await store.importSnapshot(later)
            #expect(try await store.position("P1", "DC1").onOrder == StorageFixture.q(6))
            try await store._checkInvariants()
        },
        StorageScenario(
            name: "allocations reserve on-hand stock; available = on hand − allocated; release at most what is allocated"
        ) { store in
            try await StorageFixture.load(store)
            _ = try await store.post(StorageFixture.request("a-0", .receipt, 10), today: today)
            _ = try await store.post(StorageFixture.request("a-1", .allocation, 7, reference: "WO-1"), today: today)
            let position = try await store.position("P1", "DC1")
            #expect(
                position.onHand == StorageFixture.q(10) && position.allocated == StorageFixture.q(7)
                    && position.available == StorageFixture.q(3))
            let beyond = await expectStorageError(.negativeStock) {
                _ = try await store.post(StorageFixture.request("a-2", .allocation, 5, reference: "WO-2"), today: today)
            }
            #expect(
                beyond?.message
                    == "available of P1 at DC1 (owned) would become -2: only 3 available (on hand 10, allocated 7) for an allocation of 5 — post the missing receipt first, release another allocation, or allow negative stock at DC1"
            )
            let release = await expectStorageError(.negativeStock) {
                _ = try await store.post(StorageFixture.request("a-3", .allocationRelease, 8, reference: "WO-1"), today: today)
            }
            #expect(
                release?.message
                    == "allocated of P1 at DC1 (owned) would become -1: only 7 allocated for a release of 8 — release at most what is allocated"
            )
            _ = try await store.post(StorageFixture.request("a-4", .allocationRelease, 7, reference: "WO-1"), today: today)
            #expect(try await store.position("P1", "DC1").allocated == 0)
            try await store._checkInvariants()
        },
        StorageScenario(name: "postings dated before the stock count are history: they move neither on hand nor on order") {
            store in
            var snapshot = StorageFixture.snapshot()
            snapshot.countedStock = [InventoryLot(item: 0, location: 0, onHand: 20)]
            snapshot.stockCountDate = snapshot.asOf
            snapshot.openOrders = [
                OpenOrder(orderID: "PO-8", item: 0, location: 0, supplier: 1, quantity: 10, dueDate: snapshot.asOf)
            ]
            let before = snapshot.asOf.adding(days: -2)
            snapshot.postings = [
                LedgerPosting(
                    key: "h-1", date: before, type: .receipt, item: 0, location: 0, quantity: 4, uom: "EA", baseQuantity: 4,
                    unitCost: 2.5, reference: "PO-8"),
                LedgerPosting(
                    key: "h-2", date: before, type: .issue, item: 0, location: 0, quantity: 30, uom: "EA", baseQuantity: 30,
                    unitCost: 2.5),
                LedgerPosting(
                    key: "f-1", date: snapshot.asOf, type: .issue, item: 0, location: 0, quantity: 5, uom: "EA", baseQuantity: 5,
                    unitCost: 2.5),
            ]
            _ = try await store.importSnapshot(snapshot)
            let position = try await store.position("P1", "DC1")
            #expect(position.onHand == StorageFixture.q(15) && position.onOrder == StorageFixture.q(10))
            var late = StorageFixture.request("h-3", .receipt, 3)
            late.date = before
            let result = try await store.post(late, today: today)
            #expect(result.isHistory && result.movements.isEmpty)
            #expect(try await store.onHand("P1", "DC1") == StorageFixture.q(15))
            let loaded = try await store.loadSnapshot()
            #expect(
                loaded.stockPositions().positions[PositionKey(itemID: "P1", locationID: "DC1")].onHand == StorageFixture.q(15))
            try await store._checkInvariants()
        },
    ]
}
