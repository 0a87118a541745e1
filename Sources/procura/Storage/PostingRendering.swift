import InventoryCore
import Storage

/// How `procura post` prints a result.
enum PostingRendering {
    /// `posted r-1 entry 12: receipt P-100@DC1 on_hand +10` (or `replayed …` for a repeated key).
    static func line(_ r: PostingResult) -> String {
        let moves = r.movements.map { m in
            let sign = m.quantity >= 0 ? "+" : ""
            let owner = m.position.owner == .owned ? "" : "[\(m.position.owner.rawValue):\(m.position.ownerSupplierID)]"
            return "\(m.position.itemID)@\(m.position.locationID)\(owner) \(m.bucket.rawValue) \(sign)\(FixedPoint.quantityText(m.quantity))"
        }.joined(separator: ", ")
        let ic = r.intercompany ? " (intercompany)" : ""
        return "\(r.replayed ? "replayed" : "posted") \(r.key) entry \(r.entryID): \(r.type.rawValue)\(ic) \(moves)"
    }

    /// `{"key":…,"entry_id":…,"status":"posted"|"replayed","type":…,"quantity":…,"value":…,"intercompany":…,"movements":[…]}`.
    static func json(_ r: PostingResult) -> JSONValue {
        .object([
            ("key", .string(r.key)),
            ("entry_id", .integer(Int(r.entryID))),
            ("status", .string(r.replayed ? "replayed" : "posted")),
            ("type", .string(r.type.rawValue)),
            ("quantity", .number(FixedPoint.quantityDouble(r.quantity))),
            ("value", .number(Double(r.value) / Double(FixedPoint.moneyScale))),
            ("intercompany", .bool(r.intercompany)),
            (
                "movements",
                .array(
                    r.movements.map { m in
                        .object([
                            ("item_id", .string(m.position.itemID)), ("location_id", .string(m.position.locationID)),
                            ("owner", .string(m.position.owner.rawValue)), ("owner_supplier_id", .string(m.position.ownerSupplierID)),
                            ("bucket", .string(m.bucket.rawValue)), ("quantity", .number(FixedPoint.quantityDouble(m.quantity))),
                        ])
                    })
            ),
        ])
    }
}
