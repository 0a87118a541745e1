/// The receipt lots of every stock position, kept by replaying postings through ``LotAction``:
/// on hand per position and in transit per receiving position, each a ``LotStack``, and what every
/// posting did (``LotEntry``) so that a reversal restores exactly the same lots and value.
///
/// Opening lots (the count of inventory.csv) come in through ``open(_:at:)``; postings dated on or
/// after the count through ``post(_:)``. A posting dated before the count (history) moves no on-hand
/// lot — the count includes it; a historical `transfer_out` still puts its quantity in transit as a
/// lot of its own (its key, posting date and unit cost), since no extract states what is on the way.
///
/// All or nothing: a posting that breaks a rule throws and changes nothing.
public struct LotBook: Sendable {
    /// How every stack is valued.
    public let valuation: Valuation
    /// On-hand lots per position.
    public private(set) var onHand: [PositionKey: LotStack] = [:]
    /// In-transit lots per receiving position.
    public private(set) var inTransit: [PositionKey: LotStack] = [:]
    /// What each posting did, by key (reversed postings removed).
    public private(set) var entries: [String: LotEntry] = [:]

    /// An empty book.
    public init(valuation: Valuation = .fifo) {
        self.valuation = valuation
    }

    /// The on-hand lots of a position (empty when it has none).
    public func stack(at position: PositionKey) -> LotStack {
        onHand[position] ?? LotStack(valuation: valuation)
    }

    /// Adds a counted lot.
    ///
    /// - Throws: ``LedgerError/Code/valueOutOfRange`` when a total does not fit.
    public mutating func open(_ lot: StockLot, at position: PositionKey) throws(LedgerError) {
        try onHand[position, default: LotStack(valuation: valuation)].receive(lot)
    }

    /// Applies a posting (not a reversal: ``reverse(_:reversalKey:)``).
    ///
    /// - Throws: what ``LotStack/take(_:lotID:for:)`` throws (a named lot not on hand, more than on
    ///   hand); ``LedgerError/Code/invalidPosting`` for a key already posted.
    @discardableResult
    public mutating func post(_ p: LotPosting) throws(LedgerError) -> LotEntry {
        let subject = "posting '\(p.key)' (\(p.posting.type.rawValue))"
        guard entries[p.key] == nil else {
            throw LedgerError(.invalidPosting, field: "key", "\(subject): key already posted")
        }
        let q = p.posting.quantity
        var book = self
        var entry = LotEntry(key: p.key)
        switch LotAction(p.posting.type, quantity: q) {
        case .none:
            break
        case _ where p.posting.isHistory:
            if p.posting.type == .transferOut {
                let lot = try StockLot(
                    lotID: p.lotID ?? p.key, supplierID: p.here.ownerSupplierID, receivedDate: p.posting.date, quantity: q,
                    unitCost: p.unitCost)
                entry.added = try book.add(LotDraw(parts: [lot], value: lot.value), to: p.there, .inTransit)
            }
        case .create:
            let lot = try StockLot(
                lotID: p.lotID.flatMap { $0.isEmpty ? nil : $0 } ?? p.key,
                supplierID: p.posting.supplierID ?? "", receivedDate: p.posting.date, expiryDate: p.expiryDate,
                quantity: abs(q), unitCost: p.unitCost)
            entry.added = try book.add(LotDraw(parts: [lot], value: lot.value), to: p.here, .onHand)
        case .take:
            entry.taken = try book.take(abs(q), lotID: p.lotID, from: p.here, .onHand, subject)
        case .ship:
            let side = try book.take(q, lotID: p.lotID, from: p.here, .onHand, subject)
            entry.taken = side
            entry.added = try book.add(side.draw, to: p.there, .inTransit)
        case .arrive:
            let side = try book.take(q, lotID: p.lotID, from: p.there, .inTransit, subject)
            entry.taken = side
            entry.added = try book.add(side.draw, to: p.there, .onHand)
        }
        book.entries[p.key] = entry
        self = book
        return entry
    }

    /// Undoes the posting `key` exactly: the lots it added leave again (each named lot), the lots it
    /// took come back with their value. Returns the reversed entry.
    ///
    /// - Throws: ``LedgerError/Code/invalidPosting`` when `key` was never posted or is already
    ///   reversed; ``LedgerError/Code/negativeStock`` when the lots it added have since been used.
    @discardableResult
    public mutating func reverse(_ key: String, reversalKey: String) throws(LedgerError) -> LotEntry {
        let subject = "posting '\(reversalKey)' (reversal)"
        guard let entry = entries[key] else {
            throw LedgerError(
                .invalidPosting, field: "reference", expected: "the key of a posting not yet reversed",
                "\(subject): no posting '\(key)' to reverse (never posted, or already reversed)")
        }
        var book = self
        if let added = entry.added {
            try book.remove(added, subject)
        }
        if let taken = entry.taken {
            _ = try book.add(taken.draw, to: taken.position, taken.bucket)
        }
        book.entries[key] = nil
        self = book
        return entry
    }

    private mutating func take(
        _ amount: Int64, lotID: String?, from position: PositionKey, _ bucket: PositionBucket, _ subject: String
    ) throws(LedgerError) -> LotEntry.Side {
        var stack = (bucket == .inTransit ? inTransit[position] : onHand[position]) ?? LotStack(valuation: valuation)
        let draw = try stack.take(amount, lotID: lotID.flatMap { $0.isEmpty ? nil : $0 }, for: subject)
        if bucket == .inTransit { inTransit[position] = stack } else { onHand[position] = stack }
        return LotEntry.Side(position: position, bucket: bucket, draw: draw)
    }

    private mutating func remove(_ side: LotEntry.Side, _ subject: String) throws(LedgerError) {
        if side.bucket == .inTransit {
            try inTransit[side.position, default: LotStack(valuation: valuation)].remove(side.draw, for: subject)
        } else {
            try onHand[side.position, default: LotStack(valuation: valuation)].remove(side.draw, for: subject)
        }
    }

    private mutating func add(_ draw: LotDraw, to position: PositionKey, _ bucket: PositionBucket) throws(LedgerError)
        -> LotEntry.Side
    {
        if bucket == .inTransit {
            try inTransit[position, default: LotStack(valuation: valuation)].receive(draw)
        } else {
            try onHand[position, default: LotStack(valuation: valuation)].receive(draw)
        }
        return LotEntry.Side(position: position, bucket: bucket, draw: draw)
    }
}
