public import InventoryCore
import SQLKit

/// The ledger postings of a change set, built once for apply and for its preview
/// (docs/changesets.md, "Apply and reverse").
///
/// Every position of the closed location with stock on hand — owned, consignment and VMI alike, each
/// of its owner — moves to the target by a `transfer_out` and a `transfer_in` naming both
/// locations (``LedgerRules`` moves the stock: on hand −q at A, in transit +q then −q, on hand +q
/// at B), keyed `CS-000001:1:out` / `CS-000001:1:in` and tagged with the change set id in
/// `reference`. A reverse posts a `reversal` of each (key `…:rev`), the last first.
enum ChangeSetPostings {
    /// The transfers moving the stock of `from` into `into` on `date`.
    ///
    /// - Throws: ``StorageError/Code/invalidChangeSet`` for a position below zero (a location that
    ///   allows negative stock) or with stock allocated (reserved for an order at the location):
    ///   correct or release it first.
    static func transfers(
        _ id: String, from: String, into: String, date: Day, _ db: any SQLDatabase
    ) async throws -> [PostingRequest] {
        var requests: [PostingRequest] = []
        for row in try await db.raw(
            """
            SELECT item_id, owner, owner_supplier_id, on_hand, allocated FROM stock_positions \
            WHERE location_id = \(bind: from) AND (on_hand <> 0 OR allocated <> 0) ORDER BY item_id, owner, owner_supplier_id
            """
        ).all() {
            let item = try row.decode(column: "item_id", as: String.self)
            let onHand = try row.decode(column: "on_hand", as: Int64.self)
            let ownerText = try row.decode(column: "owner", as: String.self)
            guard let owner = Ownership(rawValue: ownerText) else {
                throw StorageError(.database, "stock_positions has the unknown owner '\(ownerText)' — use a newer procura")
            }
            let allocated = try row.decode(column: "allocated", as: Int64.self)
            guard allocated == 0 else {
                throw StorageError(
                    .invalidChangeSet,
                    "change set \(id): \(FixedPoint.quantityText(allocated)) of \(item) at \(from) are allocated — release the allocation before moving the location's stock"
                )
            }
            guard onHand > 0 else {
                throw StorageError(
                    .invalidChangeSet,
                    "change set \(id): \(item) at \(from) has on hand \(FixedPoint.quantityText(onHand)) (\(owner.rawValue)) — post a correction to bring it to zero or more before moving the location's stock"
                )
            }
            let supplier = try row.decode(column: "owner_supplier_id", as: String.self)
            let n = requests.count / 2 + 1
            for (half, type) in [("out", PostingType.transferOut), ("in", .transferIn)] {
                requests.append(
                    PostingRequest(
                        key: "\(id):\(n):\(half)", date: date, type: type, itemID: item, locationID: from,
                        quantity: FixedPoint.quantityDouble(onHand), toLocationID: into,
                        supplierID: supplier.isEmpty ? nil : supplier, owner: owner == .owned ? nil : owner, reference: id))
            }
        }
        return requests
    }

    /// The reversals of the postings keyed `keys`, the last first.
    static func reversals(_ id: String, of keys: [String], date: Day, _ db: any SQLDatabase) async throws -> [PostingRequest] {
        var requests: [PostingRequest] = []
        for key in keys.reversed() {
            guard
                let row = try await db.raw(
                    "SELECT item_id, location_id, quantity FROM ledger_entries WHERE idempotency_key = \(bind: key)"
                ).first()
            else {
                throw StorageError(.database, "change set \(id): its posting '\(key)' is not in the ledger")
            }
            requests.append(
                PostingRequest(
                    key: key + ":rev", date: date, type: .reversal, itemID: try row.decode(column: "item_id", as: String.self),
                    locationID: try row.decode(column: "location_id", as: String.self),
                    quantity: FixedPoint.quantityDouble(
                        Int64(clamping: try row.decode(column: "quantity", as: Int64.self).magnitude)),
                    reason: "change set \(id) reversed", reference: key))
        }
        return requests
    }
}
