public import InventoryCore

extension Snapshot {
    /// Owned on hand per item-location: the stock count moved on by the postings dated from the
    /// count on, by the one set of ledger rules (``InventoryCore/Snapshot/stockPositions()``) — as
    /// the database's ledger keeps it; positions at or below zero are left out. The plan run, the
    /// KPIs and the dashboard all read stock through this.
    public func ownedOnHand() -> [ItemLocation: Double] {
        var owned: [ItemLocation: Double] = [:]
        for (key, balance) in stockPositions().positions.balances where key.owner == .owned && balance.onHand != 0 {
            // Every position of a snapshot's own ledger names an item and a location of the
            // snapshot (the import resolves them), so the look-ups cannot fail.
            guard let item = itemIndex(id: key.itemID), let location = locationIndex(id: key.locationID) else { continue }
            owned[ItemLocation(item: item, location: location), default: 0] += FixedPoint.quantityDouble(balance.onHand)
        }
        return owned.filter { $0.value > 0 }
    }
}
