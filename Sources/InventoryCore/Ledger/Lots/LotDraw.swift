/// What one take from a ``LotStack`` removed: the parts of each lot, first in first out (or the
/// one named lot), and their book value under the stack's ``Valuation``.
///
/// A reversal gives it back with ``LotStack/restore(_:)`` (the same lots, the same value); a
/// transfer brings it to the receiving location with ``LotStack/receive(_:)``, keeping each lot's
/// received date and cost.
public struct LotDraw: Hashable, Sendable {
    /// The parts taken, oldest first. Each part's `value` is its FIFO value (what it was received at).
    public var parts: [StockLot]
    /// The book value of what was taken under the stack's valuation (the cost of goods issued):
    /// under FIFO the sum of the parts' values, under moving average quantity × average.
    public var value: Int64

    /// Creates a draw.
    public init(parts: [StockLot], value: Int64) {
        self.parts = parts
        self.value = value
    }

    /// The quantity taken, millionths of a base unit.
    public var quantity: Int64 { parts.reduce(0) { $0 + $1.quantity } }
}
