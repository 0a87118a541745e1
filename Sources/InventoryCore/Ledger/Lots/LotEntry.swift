/// What one posting did to lots (``LotBook/post(_:)``): the lots it took from one stack and the
/// lots it added to another — a reversal undoes exactly this.
public struct LotEntry: Hashable, Sendable {
    /// One side of the entry: a stack (position and bucket) and the lots that left or joined it.
    public struct Side: Hashable, Sendable {
        /// The position.
        public var position: PositionKey
        /// ``PositionBucket/onHand`` or ``PositionBucket/inTransit``.
        public var bucket: PositionBucket
        /// The lots and their value.
        public var draw: LotDraw

        /// Creates a side.
        public init(position: PositionKey, bucket: PositionBucket, draw: LotDraw) {
            self.position = position
            self.bucket = bucket
            self.draw = draw
        }
    }

    /// The posting's key.
    public var key: String
    /// What left a stack (issues, scrap, the shipping half of a transfer …).
    public var taken: Side?
    /// What joined a stack (receipts, the receiving half of a transfer …).
    public var added: Side?

    /// Creates an entry.
    public init(key: String, taken: Side? = nil, added: Side? = nil) {
        self.key = key
        self.taken = taken
        self.added = added
    }

    /// The cost of goods the posting took out of stock (0 when it only moved or added stock).
    public var costOfGoods: Int64 { added == nil ? (taken?.draw.value ?? 0) : 0 }
}
