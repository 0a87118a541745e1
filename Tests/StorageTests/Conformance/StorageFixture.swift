import InventoryCore
import ProcuraTestSupport
import Storage
import Testing

/// The master data every scenario starts from.
///
/// Items P1 (EA, cost 2.5; BOX = 12 EA) and P2 (KG, cost 10); locations DC1 and DC2 of company
/// C1, PLANT of company C2; suppliers S1 (consignment for P1 at DC1, price 24 per BOX) and S2.
enum StorageFixture {
    static let day = Day(year: 2026, month: 11, day: 2)!

    static func snapshot(weeks: [Double] = [5, 0, 7, 3]) -> Snapshot {
        var b = SnapshotBuilder()
        b.item("P1", cost: 2.5)
        b.item("P2", cost: 10)
        b.location("DC1")
        b.location("DC2")
        b.location("PLANT")
        b.supplier("S1")
        b.supplier("S2")
        b.source("P1", at: "DC1", from: "S1", leadTime: 10, price: 24, ownership: .consignment)
        b.source("P2", at: "DC1", from: "S2", leadTime: 20, price: 10)
        b.demand("P1", at: "DC1", weeks)
        b.demand("P2", at: "DC2", [1, 1])
        var s = b.build()
        s.items[1].baseUOM = "KG"
        s.locations = [
            Location(id: "DC1", companyID: "C1"), Location(id: "DC2", companyID: "C1"), Location(id: "PLANT", companyID: "C2"),
        ]
        s.uomConversions = [UOMConversion(item: 0, uom: "BOX", baseUnitsPerUOM: 12)]
        s.sourcing[0].purchaseUOM = "BOX"
        s.sourcing[0].unitsPerPurchaseUOM = 12
        return s
    }

    /// Imports the fixture into `store`.
    static func load(_ store: Store) async throws {
        _ = try await store.importSnapshot(snapshot())
    }

    /// A posting request on the fixture's day.
    static func request(
        _ key: String, _ type: PostingType, _ quantity: Double, item: String = "P1", at location: String = "DC1",
        uom: String? = nil,
        to: String? = nil, supplier: String? = nil, owner: Ownership? = nil, reason: String = "", reference: String = ""
    ) -> PostingRequest {
        PostingRequest(
            key: key, date: day, type: type, itemID: item, locationID: location, quantity: quantity, uom: uom, toLocationID: to,
            supplierID: supplier, owner: owner, reason: reason, reference: reference)
    }

    /// Millionths of a base unit.
    static func q(_ units: Double) -> Int64 { Int64((units * 1_000_000).rounded()) }
}

extension Store {
    /// On-hand of one position (0 when none).
    func onHand(_ item: String, _ location: String, owner: Ownership = .owned, supplier: String = "") async throws -> Int64 {
        try await positions(itemID: item, locationID: location, includeZero: true)
            .first { $0.key.owner == owner && $0.key.ownerSupplierID == supplier }?.onHand ?? 0
    }

    /// One position (zero when none).
    func position(_ item: String, _ location: String, owner: Ownership = .owned, supplier: String = "") async throws
        -> StockPosition
    {
        try await positions(itemID: item, locationID: location, includeZero: true)
            .first { $0.key.owner == owner && $0.key.ownerSupplierID == supplier }
            ?? StockPosition(key: PositionKey(itemID: item, locationID: location, owner: owner, ownerSupplierID: supplier))
    }
}

/// Expects `body` to throw a ``StorageError`` with `code`; returns it.
@discardableResult
func expectStorageError(
    _ code: StorageError.Code, sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> Void
) async -> StorageError? {
    do {
        try await body()
        Issue.record("expected \(code), nothing was thrown", sourceLocation: sourceLocation)
    } catch let error as StorageError {
        #expect(error.code == code, "\(error.message)", sourceLocation: sourceLocation)
        return error
    } catch let error as PostingBatchError {
        #expect(error.underlying.code == code, "\(error.underlying.message)", sourceLocation: sourceLocation)
        return error.underlying
    } catch {
        Issue.record("expected \(code), got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}
