/// Stock positions in memory: the balances per (item, location, owner, supplier), kept by
/// applying ledger movements — the in-memory twin of the database's `stock_positions`.
///
/// ``Snapshot/stockPositions()`` builds them from a snapshot's count, open orders and postings;
/// the demo generator replays its postings on them.
public struct StockPositions: Hashable, Sendable {
    /// The balances; positions never touched are absent (all zero).
    public private(set) var balances: [PositionKey: PositionBalance]
    /// What each open purchase-order line still has outstanding (millionths), by order, item and
    /// location.
    public private(set) var outstanding: [OrderLineKey: Int64]

    /// Empty positions.
    public init() {
        balances = [:]
        outstanding = [:]
    }

    /// The balance of a position (zero when never touched).
    public subscript(key: PositionKey) -> PositionBalance { balances[key] ?? PositionBalance() }

    /// Adds the movements; an on-order movement that names an order changes that line's
    /// outstanding quantity as well.
    ///
    /// - Throws: ``LedgerError/Code/valueOutOfRange`` when a balance would leave the fixed-point
    ///   range; nothing is applied then.
    public mutating func apply(_ movements: [LedgerMovement]) throws(LedgerError) {
        var updated: [(PositionKey, PositionBalance)] = []
        for m in movements {
            var balance = updated.last(where: { $0.0 == m.position })?.1 ?? self[m.position]
            guard let sum = FixedPoint.add(balance[m.bucket], m.quantity) else {
                throw Self.overflow(m, balance: balance[m.bucket])
            }
            balance[m.bucket] = sum
            updated.append((m.position, balance))
        }
        for (key, balance) in updated { balances[key] = balance }
        for m in movements where m.bucket == .onOrder {
            guard let order = m.orderID else { continue }
            outstanding[OrderLineKey(orderID: order, itemID: m.position.itemID, locationID: m.position.locationID), default: 0] +=
                m.quantity
        }
    }

    /// Opens a purchase-order line of `quantity` outstanding (on order of the owned position).
    public mutating func open(_ line: OrderLineKey, quantity: Int64) throws(LedgerError) {
        let position = PositionKey(itemID: line.itemID, locationID: line.locationID)
        try apply([LedgerMovement(position: position, bucket: .onOrder, quantity: quantity)])
        outstanding[line, default: 0] += quantity
    }

    /// What an open purchase-order line still has outstanding, or `nil` when no such line is open.
    public func openOrder(_ line: OrderLineKey) -> OpenOrderBalance? {
        outstanding[line].map { OpenOrderBalance(orderID: line.orderID, outstanding: $0) }
    }

    /// The error of a balance that would overflow.
    public static func overflow(_ m: LedgerMovement, balance: Int64) -> LedgerError {
        let what = m.bucket.messageName
        return LedgerError(
            .valueOutOfRange, field: "quantity",
            "\(what) of \(m.position.itemID) at \(m.position.locationID) (\(m.position.ownerText)) would leave the ledger's range: \(FixedPoint.quantityText(balance)) + \(FixedPoint.quantityText(m.quantity)) is beyond ±\(FixedPoint.quantityText(FixedPoint.maximumScaled)) base units"
        )
    }
}

/// An open purchase-order line: order, item and receiving location (`open_orders.csv`'s key).
public struct OrderLineKey: Hashable, Sendable {
    /// Order number.
    public var orderID: String
    /// The item.
    public var itemID: String
    /// The receiving location.
    public var locationID: String

    /// Creates a key.
    public init(orderID: String, itemID: String, locationID: String) {
        self.orderID = orderID
        self.itemID = itemID
        self.locationID = locationID
    }
}

extension PositionBucket {
    /// The bucket's name in messages: `on-hand`, `in-transit`, `on-order`, `allocated`.
    public var messageName: String {
        switch self {
        case .onHand: return "on-hand"
        case .inTransit: return "in-transit"
        case .onOrder: return "on-order"
        case .allocated: return "allocated"
        }
    }
}
