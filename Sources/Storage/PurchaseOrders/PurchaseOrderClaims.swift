import Planning
import SQLKit

/// Duplicate-order prevention at approval: an approved order claims each requirement its lines
/// cover — item, location, supplier and the bucket the requirement is in — in
/// `purchase_order_claims`, whose primary key admits one order per requirement. The claim is an
/// `INSERT … ON CONFLICT DO NOTHING`: when another order holds the requirement (approved before,
/// or by a transaction that committed while this one waited on the key) nothing is inserted and
/// the approval is refused — so of two approvers approving overlapping orders at the same moment
/// exactly one goes through. A cancelled order gives its claims up.
enum PurchaseOrderClaims {
    /// Claims the requirements of `order`'s lines (those that name one).
    ///
    /// - Throws: ``StorageError/Code/duplicateOrder`` naming the order that holds a requirement.
    static func claim(_ order: PurchaseOrderRecord, _ db: any SQLDatabase) async throws {
        var seen = Set<String>()
        for line in order.lines {
            guard let bucket = line.requirement?.bucketStart, seen.insert(line.itemID + "\u{1F}" + bucket).inserted else {
                continue
            }
            let inserted = try await db.raw(
                """
                INSERT INTO purchase_order_claims (item_id, location_id, supplier_id, bucket_start, po_id) VALUES \
                (\(bind: line.itemID), \(bind: order.locationID), \(bind: order.supplierID), \(bind: bucket), \(bind: order.poID)) \
                ON CONFLICT (item_id, location_id, supplier_id, bucket_start) DO NOTHING RETURNING po_id
                """
            ).first()
            if inserted != nil { continue }
            let holder =
                try await db.raw(
                    """
                    SELECT po_id FROM purchase_order_claims WHERE item_id = \(bind: line.itemID) AND location_id = \(bind: order.locationID) \
                    AND supplier_id = \(bind: order.supplierID) AND bucket_start = \(bind: bucket)
                    """
                ).first()?.decode(column: "po_id", as: String.self) ?? "another order"
            throw StorageError(
                .duplicateOrder,
                "purchase order \(order.poID) line \(line.line) covers the same requirement as \(holder), which is already approved (\(line.itemID) at \(order.locationID) from \(order.supplierID), bucket from \(bucket)) — nothing was approved; reject or cancel one of them"
            )
        }
    }
}
