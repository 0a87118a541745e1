/// Everything the plan run needs, in memory: master data, demand history, stock, orders,
/// settings — what the data-folder import (or the database) produces and the planning code reads.
///
/// Cross-references are indexes (`Int32`) into the arrays here, resolved once at import; the
/// `…Index(id:)` look-ups go the other way.
public struct Snapshot: Sendable {
    /// The snapshot date: history ends the day before, plans start on it.
    public var asOf: Day
    /// Planning parameters.
    public var settings: PlanningSettings
    /// Material master.
    public var items: [Item]
    /// Stocking locations.
    public var locations: [Location]
    /// Suppliers.
    public var suppliers: [Supplier]
    /// Units of measure per item.
    public var uomConversions: [UOMConversion]
    /// Procurement catalog.
    public var sourcing: [SourcingRule]
    /// Bucketed demand per item-location.
    public var demand: DemandHistory
    /// The stock count (`inventory.csv`): on hand at the start of ``stockCountDate``, by lot
    /// where the extract gives lots. It includes every posting dated before that day; the stock
    /// positions follow from it, the open orders and the postings through the ledger rules
    /// (``stockPositions()``) — the same for a data folder and for the database.
    public var countedStock: [InventoryLot]
    /// The day the stock was counted at the start of (`inventory.csv`'s `as_of`, the snapshot
    /// date of the import); `nil` when nothing was counted — every posting then moves stock
    /// from zero. Unlike ``asOf`` it stays when the snapshot is moved to an earlier planning date.
    public var stockCountDate: Day?
    /// Open purchase orders and transfers.
    public var openOrders: [OpenOrder]
    /// Whether ``openOrders`` is a whole extract as of ``asOf`` (the folder had `open_orders.csv`):
    /// importing the snapshot into the database closes every order line it does not list, so an
    /// order absent from a later extract is not left on order for ever. `false`: the snapshot says
    /// nothing about open orders beyond those it lists.
    public var openOrdersExtracted: Bool = false
    /// Purchase receipt history.
    public var receipts: [Receipt]
    /// Ledger postings (`transactions.csv`, or the database's ledger entries), in posting order:
    /// those dated before ``stockCountDate`` are history, the others move stock on from the count.
    public var postings: [LedgerPosting]
    /// Planner overrides.
    public var overrides: [Override]
    /// Past stock on hand as the ERP exported it (`stock_history.csv`), where the ledger does not
    /// reach (``stockHistory(from:to:)``).
    public var stockHistory: [StockHistoryPoint]
    /// VMI agreements of the data folder (`agreements.csv`, docs/vmi.md): the terms as signed
    /// outside Procura; the import stores them as active versions.
    public var vmiAgreements: [VMIAgreementTerms] = []
    /// Each supplier's responsiveness to the forecasts shared with it, by supplier index — only
    /// from the database (the published versions and commitments, docs/sharing.md); a data folder
    /// has none.
    public var supplierResponsiveness: [Int32: SupplierResponsiveness] = [:]

    private var itemIndexByID: [String: Int32]
    private var locationIndexByID: [String: Int32]
    private var supplierIndexByID: [String: Int32]

    /// Creates a snapshot. Indexes inside the parts must point into the arrays given.
    ///
    /// `stockCountDate` defaults to `asOf` when `countedStock` is not empty, else `nil`.
    public init(
        asOf: Day, settings: PlanningSettings = .init(), items: [Item], locations: [Location],
        suppliers: [Supplier] = [], uomConversions: [UOMConversion] = [], sourcing: [SourcingRule] = [],
        demand: DemandHistory, countedStock: [InventoryLot] = [], stockCountDate: Day? = nil, openOrders: [OpenOrder] = [],
        receipts: [Receipt] = [], postings: [LedgerPosting] = [], overrides: [Override] = [],
        stockHistory: [StockHistoryPoint] = []
    ) {
        self.stockHistory = stockHistory
        self.asOf = asOf
        self.settings = settings
        self.items = items
        self.locations = locations
        self.suppliers = suppliers
        self.uomConversions = uomConversions
        self.sourcing = sourcing
        self.demand = demand
        self.countedStock = countedStock
        self.stockCountDate = stockCountDate ?? (countedStock.isEmpty ? nil : asOf)
        self.openOrders = openOrders
        self.receipts = receipts
        self.postings = postings
        self.overrides = overrides
        self.itemIndexByID = Snapshot.index(items.map(\.id))
        self.locationIndexByID = Snapshot.index(locations.map(\.id))
        self.supplierIndexByID = Snapshot.index(suppliers.map(\.id))
    }

    private static func index(_ ids: [String]) -> [String: Int32] {
        var result: [String: Int32] = [:]
        result.reserveCapacity(ids.count)
        for (i, id) in ids.enumerated() { result[id] = Int32(i) }
        return result
    }

    /// Index of an item by key.
    public func itemIndex(id: String) -> Int32? { itemIndexByID[id] }
    /// Index of a location by key.
    public func locationIndex(id: String) -> Int32? { locationIndexByID[id] }
    /// Index of a supplier by key.
    public func supplierIndex(id: String) -> Int32? { supplierIndexByID[id] }
}
