/// The receipt lots of every stock position, kept by replaying postings through ``LotAction``:
/// on hand per position and in transit per receiving position, each a ``LotStack``, and what every
/// posting did (``LotEntry``) so that a reversal restores exactly the same lots and value.
///
/// Opening lots (the count of inventory.csv) come in through ``open(_:at:)``; postings dated on or
/// after the count through ``post(_:)``. A posting dated before the count (history) moves no on-hand
/// lot — the count includes it; a historical `transfer_out` still puts its quantity in transit as a
/// lot of its own (its key, posting date and unit cost), since no extract states what is on the way,
/// and a historical `transfer_in` takes its arrival out of transit again.
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
        // The stacks the posting changes are staged as copies and written back only when every
        // step has succeeded (all or nothing without copying the whole book).
        var staged = Staged()
        var entry = LotEntry(key: p.key)
        switch LotAction(p.posting.type, quantity: q) {
        case .none:
            break
        case _ where p.posting.isHistory:
            if p.posting.type == .transferOut {
                let lot = try StockLot(
                    lotID: p.lotID ?? p.key, supplierID: p.here.ownerSupplierID, receivedDate: p.posting.date, quantity: q,
                    unitCost: p.unitCost)
                entry.added = try staged.add(LotDraw(parts: [lot], value: lot.value), to: p.there, .inTransit, in: self)
            } else if p.posting.type == .transferIn {
                // Arrived before the count: the count holds it on hand; it leaves transit.
                entry.taken = try staged.take(q, lotID: p.lotID, from: p.there, .inTransit, subject, in: self)
            }
        case .create:
            let lot = try StockLot(
                lotID: p.lotID.flatMap { $0.isEmpty ? nil : $0 } ?? p.key,
                supplierID: p.posting.supplierID ?? "", receivedDate: p.posting.date, expiryDate: p.expiryDate,
                quantity: abs(q), unitCost: p.unitCost)
            entry.added = try staged.add(LotDraw(parts: [lot], value: lot.value), to: p.here, .onHand, in: self)
        case .take:
            entry.taken = try staged.take(abs(q), lotID: p.lotID, from: p.here, .onHand, subject, in: self)
        case .ship:
            let side = try staged.take(q, lotID: p.lotID, from: p.here, .onHand, subject, in: self)
            entry.taken = side
            entry.added = try staged.add(side.draw, to: p.there, .inTransit, in: self)
        case .arrive:
            let side = try staged.take(q, lotID: p.lotID, from: p.there, .inTransit, subject, in: self)
            entry.taken = side
            entry.added = try staged.add(side.draw, to: p.there, .onHand, in: self)
        }
        commit(staged)
        entries[p.key] = entry
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
        var staged = Staged()
        if let added = entry.added {
            try staged.remove(added, subject, in: self)
        }
        if let taken = entry.taken {
            _ = try staged.add(taken.draw, to: taken.position, taken.bucket, in: self)
        }
        commit(staged)
        entries[key] = nil
        return entry
    }

    /// Writes the staged stacks back.
    private mutating func commit(_ staged: Staged) {
        for (slot, stack) in staged.stacks {
            if slot.bucket == .inTransit { inTransit[slot.position] = stack } else { onHand[slot.position] = stack }
        }
    }

    /// Copies of the stacks one posting changes, taken from the book on first use.
    private struct Staged {
        struct Slot: Hashable {
            var position: PositionKey
            var bucket: PositionBucket
        }
        var stacks: [Slot: LotStack] = [:]

        private mutating func withStack<T>(
            _ position: PositionKey, _ bucket: PositionBucket, in book: LotBook, _ body: (inout LotStack) throws(LedgerError) -> T
        ) throws(LedgerError) -> T {
            let slot = Slot(position: position, bucket: bucket)
            var stack =
                stacks[slot] ?? (bucket == .inTransit ? book.inTransit[position] : book.onHand[position])
                ?? LotStack(valuation: book.valuation)
            let result = try body(&stack)
            stacks[slot] = stack
            return result
        }

        mutating func take(
            _ amount: Int64, lotID: String?, from position: PositionKey, _ bucket: PositionBucket, _ subject: String,
            in book: LotBook
        ) throws(LedgerError) -> LotEntry.Side {
            let draw = try withStack(position, bucket, in: book) { (stack: inout LotStack) throws(LedgerError) in
                try stack.take(amount, lotID: lotID.flatMap { $0.isEmpty ? nil : $0 }, for: subject)
            }
            return LotEntry.Side(position: position, bucket: bucket, draw: draw)
        }

        mutating func remove(_ side: LotEntry.Side, _ subject: String, in book: LotBook) throws(LedgerError) {
            try withStack(side.position, side.bucket, in: book) { (stack: inout LotStack) throws(LedgerError) in
                try stack.remove(side.draw, for: subject)
            }
        }

        mutating func add(_ draw: LotDraw, to position: PositionKey, _ bucket: PositionBucket, in book: LotBook)
            throws(LedgerError) -> LotEntry.Side
        {
            try withStack(position, bucket, in: book) { (stack: inout LotStack) throws(LedgerError) in try stack.receive(draw) }
            return LotEntry.Side(position: position, bucket: bucket, draw: draw)
        }
    }
}
