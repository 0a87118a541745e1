/// The receipt lots of one stock position (item, location, owner) and their value: the pure
/// bookkeeping behind lot aging, valuation and stock history (``LotRules`` says which posting
/// does what to it).
///
/// - Lots are kept oldest first (received date, then arrival); a take without a named lot consumes
///   them first in, first out.
/// - ``value`` follows the ``Valuation``: under ``Valuation/fifo`` it is the sum of the lots'
///   values; under ``Valuation/movingAverage`` it is a pool that a receipt raises by its value and a
///   take lowers by `value × q / quantity` (all of it when the stack empties), so the average is
///   `value / quantity` — the definitions of the reference file `inventory_kpis.json`.
/// - Everything is exact (``FixedPoint``); a part of a lot or of the pool is rounded once, half away
///   from zero, and the last part takes the rest, so values never drift.
/// - Nothing is clamped: taking more than is on hand, or from a lot that is not there, throws and
///   leaves the stack as it was.
public struct LotStack: Hashable, Sendable {
    /// How the stack is valued.
    public let valuation: Valuation
    /// The lots on hand, oldest first; no lot is empty.
    public private(set) var lots: [StockLot] = []
    /// On hand, millionths of a base unit (the sum of the lots).
    public private(set) var quantity: Int64 = 0
    /// Book value, 10⁻⁴ currency units.
    public private(set) var value: Int64 = 0
    /// The moving average cost per base unit (millionths) as last computed; kept while stock is zero.
    public private(set) var averageUnitCost: Int64 = 0

    /// An empty stack.
    public init(valuation: Valuation = .fifo) {
        self.valuation = valuation
    }

    /// Adds a received lot (a receipt, a positive adjustment, an opening count). A lot with the
    /// same identifier, supplier and received date already on hand is topped up.
    ///
    /// - Throws: ``LedgerError/Code/valueOutOfRange`` when a total does not fit.
    public mutating func receive(_ lot: StockLot) throws(LedgerError) {
        guard lot.quantity > 0 else { return }
        let newQuantity = try sum(quantity, lot.quantity, "quantity")
        let newValue = try sum(value, lot.value, "value")
        insert(lot)
        quantity = newQuantity
        value = newValue
        updateAverage()
    }

    /// Brings in what another stack gave up (the receiving half of a transfer): each part keeps its
    /// lot, received date and cost; the value received is the draw's value.
    ///
    /// - Throws: ``LedgerError/Code/valueOutOfRange`` when a total does not fit.
    public mutating func receive(_ draw: LotDraw) throws(LedgerError) {
        let newQuantity = try sum(quantity, draw.quantity, "quantity")
        let newValue = try sum(value, valuation == .fifo ? draw.parts.reduce(0) { $0 + $1.value } : draw.value, "value")
        for part in draw.parts where part.quantity > 0 { insert(part) }
        quantity = newQuantity
        value = newValue
        updateAverage()
    }

    /// Gives back exactly what `draw` took from this stack (a reversal): the same lots, the same value.
    ///
    /// - Throws: ``LedgerError/Code/valueOutOfRange`` when a total does not fit.
    public mutating func restore(_ draw: LotDraw) throws(LedgerError) {
        try receive(draw)
    }

    /// Takes out exactly what ``receive(_:)-(LotDraw)`` brought in with `draw` (a reversal of a
    /// receipt or transfer): the same parts of the same lots, the same value.
    ///
    /// - Throws: ``LedgerError/Code/negativeStock`` when a part is no longer all on hand (it has been
    ///   used since); the stack is unchanged after an error.
    public mutating func remove(_ draw: LotDraw, for subject: String) throws(LedgerError) {
        var remaining = lots
        for part in draw.parts where part.quantity > 0 {
            guard let index = remaining.firstIndex(where: { $0.isSameLot(as: part) }),
                remaining[index].quantity >= part.quantity
            else {
                throw LedgerError(
                    .negativeStock, field: "quantity",
                    "\(subject): lot '\(part.lotID)' no longer holds the \(FixedPoint.quantityText(part.quantity)) it received — reverse the postings that used it first"
                )
            }
            remaining[index].quantity -= part.quantity
            remaining[index].value -= part.value
            if remaining[index].quantity == 0 { remaining.remove(at: index) }
        }
        lots = remaining
        quantity -= draw.quantity
        value -= valuation == .fifo ? draw.parts.reduce(0) { $0 + $1.value } : draw.value
        updateAverage()
    }

    /// Takes `amount` (millionths of a base unit): from the lot `lotID` when given, else first in,
    /// first out. `subject` opens error messages (`posting 'K7' (issue)`).
    ///
    /// - Throws: ``LedgerError/Code/invalidPosting`` (field `lot_id`) when the named lot is not on
    ///   hand; ``LedgerError/Code/negativeStock`` (field `quantity`) when `amount` exceeds what is on
    ///   hand (in the lot, or in all lots). The stack is unchanged after an error.
    public mutating func take(_ amount: Int64, lotID: String? = nil, for subject: String) throws(LedgerError) -> LotDraw {
        precondition(amount >= 0, "take a non-negative amount")
        var remaining = lots
        var parts: [StockLot] = []
        if let lotID, !lotID.isEmpty {
            guard let index = remaining.firstIndex(where: { $0.lotID == lotID }) else {
                throw LedgerError(
                    .invalidPosting, field: "lot_id", expected: "a lot on hand",
                    "\(subject): lot '\(lotID)' is not on hand — name a lot that is, or leave lot_id empty for first in, first out"
                )
            }
            let available = remaining[index].quantity
            guard amount <= available else {
                throw LedgerError(
                    .negativeStock, field: "quantity",
                    "\(subject): takes \(FixedPoint.quantityText(amount)) from lot '\(lotID)', which holds \(FixedPoint.quantityText(available))"
                )
            }
            parts.append(Self.split(&remaining[index], amount))
            if remaining[index].quantity == 0 { remaining.remove(at: index) }
        } else {
            guard amount <= quantity else {
                throw LedgerError(
                    .negativeStock, field: "quantity",
                    "\(subject): takes \(FixedPoint.quantityText(amount)) but \(FixedPoint.quantityText(quantity)) is on hand")
            }
            var left = amount
            var index = 0
            while left > 0 {
                let part = Self.split(&remaining[index], min(left, remaining[index].quantity))
                left -= part.quantity
                parts.append(part)
                if remaining[index].quantity == 0 { remaining.remove(at: index) } else { index += 1 }
            }
        }
        let taken: Int64
        switch valuation {
        case .fifo: taken = parts.reduce(0) { $0 + $1.value }
        case .movingAverage: taken = amount == quantity ? value : Self.share(of: value, amount, in: quantity)
        }
        lots = remaining
        quantity -= amount
        value -= taken
        updateAverage()
        return LotDraw(parts: parts, value: taken)
    }

    /// The book value of each lot under the stack's valuation, in the order of ``lots``: under FIFO
    /// the lot's own value; under moving average its share of the pool, `value × q / quantity`,
    /// the last lot taking the rest.
    public var lotValues: [Int64] {
        switch valuation {
        case .fifo: return lots.map(\.value)
        case .movingAverage:
            var left = value
            return lots.indices.map { i in
                if i == lots.count - 1 { return left }
                let share = Self.share(of: value, lots[i].quantity, in: quantity)
                left -= share
                return share
            }
        }
    }

    /// `total × part / whole`, rounded half away from zero, for `0 ≤ part ≤ whole`, `whole > 0`.
    static func share(of total: Int64, _ part: Int64, in whole: Int64) -> Int64 {
        // Cannot fail: the result's magnitude is at most |total| (part ≤ whole), which fits.
        FixedPoint.multiply(total, part, dividingBy: whole)!
    }

    /// `amount` of `lot` split off (its value in proportion, the last part taking the rest).
    private static func split(_ lot: inout StockLot, _ amount: Int64) -> StockLot {
        var part = lot
        part.quantity = amount
        part.value = amount == lot.quantity ? lot.value : share(of: lot.value, amount, in: lot.quantity)
        lot.quantity -= amount
        lot.value -= part.value
        return part
    }

    /// Puts a lot in received-date order (after lots of the same day), joining the same lot.
    private mutating func insert(_ lot: StockLot) {
        if let index = lots.firstIndex(where: { $0.isSameLot(as: lot) }) {
            lots[index].quantity += lot.quantity
            lots[index].value += lot.value
            return
        }
        let index = lots.firstIndex { $0.receivedDate > lot.receivedDate } ?? lots.endIndex
        lots.insert(lot, at: index)
    }

    private mutating func updateAverage() {
        guard quantity > 0 else { return }
        averageUnitCost =
            FixedPoint.multiply(
                value, FixedPoint.quantityScale / FixedPoint.moneyScale * FixedPoint.unitCostScale, dividingBy: quantity)
            ?? averageUnitCost
    }

    private func sum(_ a: Int64, _ b: Int64, _ field: String) throws(LedgerError) -> Int64 {
        guard let total = FixedPoint.add(a, b) else {
            throw LedgerError(
                .valueOutOfRange, field: field, expected: "a total within the ledger's range",
                "\(field) total \(a) + \(b) is out of the ledger's range")
        }
        return total
    }
}
