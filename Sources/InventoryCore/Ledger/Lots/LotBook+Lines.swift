/// One on-hand lot of one position with its book value (`procura stock --lots`).
public struct LotLine: Hashable, Sendable {
    /// The position (item, location, owner and owning supplier).
    public var position: PositionKey
    /// The lot.
    public var lot: StockLot
    /// Its book value under the book's valuation (``LotStack/lotValues``).
    public var value: Int64

    /// Creates a line.
    public init(position: PositionKey, lot: StockLot, value: Int64) {
        self.position = position
        self.lot = lot
        self.value = value
    }
}

extension LotBook {
    /// The on-hand lots of every position (only `itemID` / `locationID` when given), ordered by
    /// position, then oldest lot first.
    public func lines(itemID: String? = nil, locationID: String? = nil) -> [LotLine] {
        var result: [LotLine] = []
        for (position, stack) in onHand.sorted(by: { $0.key < $1.key }) {
            if let itemID, position.itemID != itemID { continue }
            if let locationID, position.locationID != locationID { continue }
            for (lot, value) in zip(stack.lots, stack.lotValues) {
                result.append(LotLine(position: position, lot: lot, value: value))
            }
        }
        return result
    }
}
