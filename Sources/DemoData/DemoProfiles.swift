import InventoryCore

/// What the generator knows about a demo item beyond its master record.
struct DemoItemProfile: Sendable {
    /// The pattern its demand is generated with.
    var pattern: DemoDemandPattern
    /// Its category.
    var category: DemoCategory
    /// Company-wide demand per year at level 1, base units.
    var annualVolume: Double
    /// Ticks per base unit: 1, or 10 for quantities to 0.1.
    var quantityScale: Int64
    /// Decimals of its quantities (0 or 1).
    var decimals: Int
    /// The unit it is bought in and its size in base units (the base unit and 1 when none).
    var purchaseUOM: String
    var unitsPerPurchaseUOM: Double
    /// A unit it may be issued in (fasteners by weight), with its size in base units.
    var issueUOM: (uom: String, baseUnits: Double)?
    /// Main and second supplier.
    var primarySupplier: Int32
    var secondarySupplier: Int32?
}

/// What the generator knows about a demo supplier beyond its master record.
struct DemoSupplierProfile: Sendable {
    /// Catalog mean lead time, days.
    var leadTimeMean: Double
    /// Catalog lead-time standard deviation, days.
    var leadTimeSD: Double
    /// Real lead times are this factor × the catalog (1 for reliable suppliers, 1.15 … 1.4 for
    /// the ones whose catalog is optimistic).
    var actualFactor: Double
    /// Categories it supplies.
    var categories: [DemoCategory]
}

/// One stocked item-location of the demo company: its demand process and replenishment policy.
struct DemoItemLocationProfile: Sendable {
    var item: Int32
    var location: Int32
    /// Daily demand process, in ticks.
    var process: DemoDemandProcess
    /// Rows of ``DemoCompany/sourcing`` for this item-location (one, or two when dual-sourced).
    var sourcingRows: Range<Int>
    /// Who owns the stock.
    var ownership: Ownership
    /// Safety factor k of the simulated reorder point.
    var safetyFactor: Double
    /// Order quantity in ticks (whole purchase units, MOQ and multiple applied).
    var orderQuantity: Int64
    /// Whether ordering stops when the demand starts fading (phase-out items).
    var stopsOrderingWhenFading: Bool
    /// A last buy on this day regardless of the reorder point (obsolete items end with stock).
    var lastBuyDay: Day?
    /// First simulated day.
    var simulationStart: Day
}
