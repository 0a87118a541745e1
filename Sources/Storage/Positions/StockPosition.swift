public import InventoryCore

/// The balances of one position (item, location, owner), millionths of a base unit.
public struct StockPosition: Sendable, Hashable {
    /// Item, location, owner.
    public var key: PositionKey
    /// The balances.
    public var balance: PositionBalance

    /// Creates a position.
    public init(key: PositionKey, onHand: Int64 = 0, inTransit: Int64 = 0, onOrder: Int64 = 0, allocated: Int64 = 0) {
        self.key = key
        self.balance = PositionBalance(onHand: onHand, inTransit: inTransit, onOrder: onOrder, allocated: allocated)
    }

    /// Physically there.
    public var onHand: Int64 { balance.onHand }
    /// On the way there by transfer.
    public var inTransit: Int64 { balance.inTransit }
    /// On open purchase orders.
    public var onOrder: Int64 { balance.onOrder }
    /// Reserved (part of on hand).
    public var allocated: Int64 { balance.allocated }
    /// On hand less allocated.
    public var available: Int64 { balance.available }

    /// The balance of a bucket.
    public subscript(bucket: PositionBucket) -> Int64 {
        get { balance[bucket] }
        set { balance[bucket] = newValue }
    }

    /// Whether every balance is zero.
    public var isZero: Bool { balance.isZero }
}

/// A position whose stored balance differs from what the ledger (and open orders) add up to.
public struct PositionDifference: Sendable, Hashable {
    /// The position.
    public var key: PositionKey
    /// The balance that differs.
    public var bucket: PositionBucket
    /// What `stock_positions` holds.
    public var stored: Int64
    /// What the entries add up to.
    public var expected: Int64

    /// Creates a difference.
    public init(key: PositionKey, bucket: PositionBucket, stored: Int64, expected: Int64) {
        self.key = key
        self.bucket = bucket
        self.stored = stored
        self.expected = expected
    }
}

/// What ``Store/verify(lots:)`` found.
public struct VerificationReport: Sendable, Hashable {
    /// Ledger entries read.
    public var entryCount: Int
    /// Positions compared.
    public var positionCount: Int
    /// Differences (empty when the books agree).
    public var differences: [PositionDifference]
    /// Lots on hand and in transit after the replay (0 when lots were not replayed).
    public var lotCount = 0
    /// Their book value, 10⁻⁴ currency units, by the data set's valuation (`ledger.valuation`).
    public var lotValue: Int64 = 0
    /// Positions whose lots do not add up to the stored balance (`on_hand`, `in_transit`):
    /// ``PositionDifference/expected`` is the lots' total.
    public var lotDifferences: [PositionDifference] = []
    /// Postings whose lots could not move in the replay (a named lot not on hand; more taken than
    /// the lots hold), each naming the posting.
    public var lotProblems: [String] = []
    /// Whether the lots were replayed.
    public var lotsReplayed = false

    /// Creates a report.
    public init(entryCount: Int, positionCount: Int, differences: [PositionDifference]) {
        self.entryCount = entryCount
        self.positionCount = positionCount
        self.differences = differences
    }

    /// Whether every position equals its ledger (and, when replayed, its lots).
    public var isConsistent: Bool { differences.isEmpty && lotDifferences.isEmpty && lotProblems.isEmpty }
}
