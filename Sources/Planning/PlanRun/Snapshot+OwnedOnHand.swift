public import InventoryCore

extension Snapshot {
    /// Owned stock on hand per item-location, base units: the stock counts (`inventory`, owned lots)
    /// plus the ledger postings on top (``PostedOwnedStock``), as the database's ledger keeps it —
    /// positive balances only. The one rule the plan run (today's stock of each policy) and the
    /// KPIs (inventory value) share.
    public func ownedOnHand() -> [ItemLocation: Double] {
        var owned: [ItemLocation: Double] = PostedOwnedStock.changes(postings)
        for lot in inventory where lot.ownership == .owned {
            owned[ItemLocation(item: lot.item, location: lot.location), default: 0] += lot.onHand
        }
        return owned.filter { $0.value > 0 }
    }
}
