/// What ``Store/importPurchaseOrderUpdates(_:by:key:)`` did.
public struct PurchaseOrderImportResult: Sendable, Hashable {
    /// The idempotency key the import ran under.
    public var key: String
    /// Lines whose confirmation (date or quantity) changed.
    public var linesConfirmed: Int
    /// Lines confirmed before exactly as the file says: nothing changed.
    public var confirmationsUnchanged: Int
    /// Orders that became confirmed (the `confirm` transition).
    public var ordersConfirmed: Int
    /// Receipts posted to the ledger now.
    public var receiptsPosted: Int
    /// Receipts posted before under the same receipt id: replayed, nothing changed.
    public var receiptsReplayed: Int
    /// The orders the file names, as they are after the import.
    public var orders: [PurchaseOrderRecord]
    /// The key was used before for the same file: nothing was done at all.
    public var replayed: Bool

    /// Creates a result.
    public init(
        key: String, linesConfirmed: Int = 0, confirmationsUnchanged: Int = 0, ordersConfirmed: Int = 0,
        receiptsPosted: Int = 0, receiptsReplayed: Int = 0, orders: [PurchaseOrderRecord], replayed: Bool
    ) {
        self.key = key
        self.linesConfirmed = linesConfirmed
        self.confirmationsUnchanged = confirmationsUnchanged
        self.ordersConfirmed = ordersConfirmed
        self.receiptsPosted = receiptsPosted
        self.receiptsReplayed = receiptsReplayed
        self.orders = orders
        self.replayed = replayed
    }

    /// Whether the import changed anything.
    public var changedAnything: Bool { linesConfirmed > 0 || receiptsPosted > 0 }

    /// One sentence: `2 lines confirmed (1 order confirmed), 1 unchanged; 1 receipt posted, 0 replayed`,
    /// or that nothing changed.
    public var summary: String {
        if replayed { return "already imported under key \(key): nothing changed" }
        if !changedAnything {
            return
                "nothing changed: every confirmation (\(confirmationsUnchanged)) and receipt (\(receiptsReplayed)) was imported before"
        }
        return
            "\(linesConfirmed) line(s) confirmed (\(ordersConfirmed) order(s) now confirmed), \(confirmationsUnchanged) unchanged; \(receiptsPosted) receipt(s) posted, \(receiptsReplayed) replayed"
    }
}
