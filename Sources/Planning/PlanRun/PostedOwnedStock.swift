import InventoryCore

/// How the ledger postings of a snapshot (`transactions.csv`) change owned on-hand stock per
/// item-location, on top of the stock count (`inventory.csv`) — the rules of the Storage ledger
/// (docs/storage.md, "The ledger"), so that a plan on a data folder reports the stock a plan on
/// the imported database does:
///
/// - owned stock (``Ownership/owned``): receipt +q, adjustment ±q, issue, return to supplier and
///   scrap −q, transfer out −q at the shipping location, transfer in +q at the receiving location
///   (its `to_location_id` when given and different, else its location);
/// - consignment and VMI receipts and consumption move supplier-owned stock: owned stock unchanged
///   (consumption passes ownership to us and consumes the stock in the same step);
/// - a reversal undoes the posting whose key its `reference` names, when that posting is in the
///   snapshot (one reversal per posting).
enum PostedOwnedStock {
    /// The change of owned on-hand per item-location (zero changes omitted).
    static func changes(_ postings: [LedgerPosting]) -> [ItemLocation: Double] {
        var change: [ItemLocation: Double] = [:]
        var byKey: [String: Int] = [:]
        for (k, p) in postings.enumerated() where p.type != .reversal { byKey[p.key] = byKey[p.key] ?? k }
        var reversed = Set<Int>()
        func apply(_ p: LedgerPosting, sign: Double) {
            guard p.owner == .owned else { return }
            let q = sign * p.baseQuantity
            let here = ItemLocation(item: p.item, location: p.location)
            switch p.type {
            case .receipt, .adjustment: change[here, default: 0] += q
            case .issue, .returnToSupplier, .scrap, .transferOut: change[here, default: 0] -= q
            case .transferIn:
                let receiving = p.toLocation.map { $0 != p.location ? $0 : p.location } ?? p.location
                change[ItemLocation(item: p.item, location: receiving), default: 0] += q
            case .consignmentReceipt, .vmiReceipt, .consumption, .reversal: break
            }
        }
        for p in postings {
            if p.type == .reversal {
                guard let k = byKey[p.reference], !reversed.contains(k) else { continue }
                reversed.insert(k)
                apply(postings[k], sign: -1)
            } else {
                apply(p, sign: 1)
            }
        }
        return change.filter { $0.value != 0 }
    }
}
