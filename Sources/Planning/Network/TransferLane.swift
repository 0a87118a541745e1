public import InventoryCore

/// One item's transfers from one location to another, as the data records them: the ledger's
/// `transfer_out` postings (at the shipping location, `to_location` the receiving one) and the open
/// transfers of `open_orders.csv` (`from_location_id`).
///
/// The observed lead time pairs each `transfer_out` with the `transfer_in` of the same item, lane and
/// reference: per reference the mean receiving day − the mean shipping day, and the lane's time is
/// the mean over its references that have both (cross-docking the same day gives 0).
public struct TransferLane: Sendable, Hashable {
    /// The item, index into the snapshot's items.
    public var item: Int32
    /// The shipping location.
    public var from: Int32
    /// The receiving location.
    public var to: Int32
    /// Base units shipped (`transfer_out`) plus those on open transfers.
    public var quantity: Double
    /// `transfer_out` postings.
    public var transfers: Int
    /// Open transfers.
    public var openTransfers: Int
    /// Mean days from shipping to receiving over the references with both postings; `nil` when none.
    public var observedDays: Double?
    /// References with both a `transfer_out` and a `transfer_in`.
    public var observedReferences: Int

    /// Creates a lane.
    public init(
        item: Int32, from: Int32, to: Int32, quantity: Double, transfers: Int = 0, openTransfers: Int = 0,
        observedDays: Double? = nil, observedReferences: Int = 0
    ) {
        self.item = item
        self.from = from
        self.to = to
        self.quantity = quantity
        self.transfers = transfers
        self.openTransfers = openTransfers
        self.observedDays = observedDays
        self.observedReferences = observedReferences
    }

    /// The lanes of every item, in (item, from, to) order. Postings other than transfers, transfers
    /// without a `to_location` or to their own location, and reversals are not lanes.
    public static func derive(postings: [LedgerPosting], openOrders: [OpenOrder]) -> [TransferLane] {
        struct Key: Hashable, Comparable {
            var item: Int32
            var from: Int32
            var to: Int32
            static func < (a: Key, b: Key) -> Bool { (a.item, a.from, a.to) < (b.item, b.from, b.to) }
        }
        var lanes: [Key: TransferLane] = [:]
        // Per lane and reference: Σ days and count of the shipments and of the arrivals.
        var shipped: [Key: [String: (sum: Double, count: Double)]] = [:]
        var arrived: [Key: [String: (sum: Double, count: Double)]] = [:]
        for p in postings where p.type == .transferOut || p.type == .transferIn {
            guard let to = p.toLocation, to != p.location else { continue }
            let key = Key(item: p.item, from: p.location, to: to)
            let day = Double(p.date.daysSinceEpoch)
            if p.type == .transferOut {
                lanes[key, default: TransferLane(item: p.item, from: p.location, to: to, quantity: 0)].quantity += p.baseQuantity
                lanes[key]!.transfers += 1
                if !p.reference.isEmpty {
                    let old = shipped[key, default: [:]][p.reference] ?? (0, 0)
                    shipped[key, default: [:]][p.reference] = (old.sum + day, old.count + 1)
                }
            } else if !p.reference.isEmpty {
                let old = arrived[key, default: [:]][p.reference] ?? (0, 0)
                arrived[key, default: [:]][p.reference] = (old.sum + day, old.count + 1)
            }
        }
        for order in openOrders {
            guard let from = order.fromLocation, from != order.location else { continue }
            let key = Key(item: order.item, from: from, to: order.location)
            lanes[key, default: TransferLane(item: order.item, from: from, to: order.location, quantity: 0)].quantity +=
                order.quantity
            lanes[key]!.openTransfers += 1
        }
        for (key, out) in shipped {
            guard let arrivals = arrived[key] else { continue }
            var total = 0.0
            var references = 0
            for reference in out.keys.sorted() {
                guard let s = out[reference], let a = arrivals[reference] else { continue }
                total += a.sum / a.count - s.sum / s.count
                references += 1
            }
            if references > 0 {
                lanes[key]!.observedDays = total / Double(references)
                lanes[key]!.observedReferences = references
            }
        }
        return lanes.keys.sorted().map { lanes[$0]! }
    }
}
