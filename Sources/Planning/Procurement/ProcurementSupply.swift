import InventoryCore

/// The supply side of net requirements per item-location, gathered from the snapshot once: stock
/// on hand by owner, allocations and the ledger's in-transit balance (``Snapshot/stockPositions()``,
/// the ledger rules), open purchase-order lines with what is still outstanding after the receipts
/// posted against them, and open transfers.
struct ProcurementSupply {
    /// One item-location's supply.
    struct Entry {
        /// Owned on hand.
        var ownedOnHand = 0.0
        /// Consignment and VMI on hand.
        var supplierOwnedOnHand = 0.0
        /// Allocated of owned stock.
        var ownedAllocated = 0.0
        /// Allocated of supplier-owned stock.
        var supplierOwnedAllocated = 0.0
        /// In transit by the ledger (a transfer out posted, its transfer in not yet): no due date.
        var ledgerInTransit = 0.0
        /// Open purchase-order lines: due date and outstanding base units.
        var purchaseOrders: [(due: Day, quantity: Double)] = []
        /// Open transfers (`open_orders.csv` rows without a supplier): due date and base units.
        var transfers: [(due: Day, quantity: Double)] = []
        /// Σ quantity of every `open_orders.csv` row as extracted (purchase orders and transfers): the
        /// "open orders" of the dashboard's reorder alert (``InventoryKPIs``).
        var openOrderQuantity = 0.0
    }

    var entries: [ItemLocation: Entry] = [:]

    init(snapshot: Snapshot) {
        let stock = snapshot.stockPositions()
        for (key, balance) in stock.positions.balances {
            guard let item = snapshot.itemIndex(id: key.itemID), let location = snapshot.locationIndex(id: key.locationID) else {
                continue
            }
            let k = ItemLocation(item: item, location: location)
            var entry = entries[k] ?? Entry()
            if key.owner == .owned {
                entry.ownedOnHand += FixedPoint.quantityDouble(balance.onHand)
                entry.ownedAllocated += FixedPoint.quantityDouble(balance.allocated)
            } else {
                entry.supplierOwnedOnHand += FixedPoint.quantityDouble(balance.onHand)
                entry.supplierOwnedAllocated += FixedPoint.quantityDouble(balance.allocated)
            }
            entry.ledgerInTransit += FixedPoint.quantityDouble(balance.inTransit)
            entries[k] = entry
        }
        // What each purchase-order line still has outstanding (receipts naming it reduce it); a line
        // listed more than once is filled earliest due date first.
        var remaining = stock.positions.outstanding.mapValues(FixedPoint.quantityDouble)
        let orders = snapshot.openOrders.enumerated().sorted { ($0.element.dueDate, $0.offset) < ($1.element.dueDate, $1.offset) }
        for (_, order) in orders {
            let k = ItemLocation(item: order.item, location: order.location)
            entries[k, default: Entry()].openOrderQuantity += order.quantity
            guard order.supplier != nil else {
                entries[k, default: Entry()].transfers.append((order.dueDate, order.quantity))
                continue
            }
            let line = OrderLineKey(
                orderID: order.orderID, itemID: snapshot.items[Int(order.item)].id,
                locationID: snapshot.locations[Int(order.location)].id)
            let left = remaining[line] ?? 0
            let outstanding = max(0, min(order.quantity, left))
            remaining[line] = left - outstanding
            if outstanding > 0 { entries[k, default: Entry()].purchaseOrders.append((order.dueDate, outstanding)) }
        }
    }
}
