public import InventoryCore

/// A realistic synthetic company — master data, three years of daily demand, stock, orders and
/// receipts — generated from a ``Configuration`` and nothing else: the same configuration gives the
/// same company, byte for byte once written by ``DemoDataWriter``.
///
/// The initialiser builds the master data (items, locations, suppliers, units of measure, the
/// procurement catalog) and the per-item-location demand and replenishment parameters, which are
/// small. The large parts — daily demand, stock-outs, receipts, lots, open orders — come from
/// ``DemoCompany`` simulating one item-location at a time (``DemoDataWriter`` streams them), so
/// memory stays flat in the number of history rows. docs/demo-data.md describes the model.
///
/// Randomness: every part draws from its own ``Xoshiro256StarStar`` stream under the seed
/// (locations, suppliers, items, item-locations, transfers, ledger postings, overrides, and one
/// stream per item-location for its history), so each part is reproducible on its own.
public struct DemoCompany: Sendable {
    /// The configuration it was generated from.
    public let configuration: Configuration
    /// Material master (`items.csv`); successor indexes point into this array.
    public internal(set) var items: [Item]
    /// Stocking locations (`locations.csv`).
    public internal(set) var locations: [Location]
    /// Suppliers (`suppliers.csv`).
    public internal(set) var suppliers: [Supplier]
    /// Units of measure (`uom_conversions.csv`).
    public internal(set) var uomConversions: [UOMConversion]
    /// Procurement catalog (`sourcing.csv`), item-location by item-location.
    public internal(set) var sourcing: [SourcingRule]
    /// The demand pattern each item was generated with (parallel to ``items``).
    public var itemPatterns: [DemoDemandPattern] { itemProfiles.map(\.pattern) }
    /// Number of stocked item-locations (each has demand history and sourcing).
    public var itemLocationCount: Int { itemLocations.count }
    /// The planning settings written to `settings.yaml` (the documented defaults).
    public var settings: PlanningSettings { PlanningSettings() }

    var itemProfiles: [DemoItemProfile]
    var supplierProfiles: [DemoSupplierProfile]
    var itemLocations: [DemoItemLocationProfile]
    /// Open transfers between locations (`open_orders.csv` rows without a supplier).
    var transferOrders: [OpenOrder]

    /// Generates the master data and parameters of a company.
    ///
    /// - Throws: ``DemoDataError`` with code ``DemoDataError/Code/invalidConfiguration`` when the
    ///   configuration is out of range.
    public init(configuration: Configuration = Configuration()) throws(DemoDataError) {
        try configuration.validate()
        self.configuration = configuration
        self.items = []
        self.locations = []
        self.suppliers = []
        self.uomConversions = []
        self.sourcing = []
        self.itemProfiles = []
        self.supplierProfiles = []
        self.itemLocations = []
        self.transferOrders = []
        buildLocations()
        buildSuppliers()
        buildItems()
        buildItemLocations()
        buildTransfers()
    }

    /// Random streams of the parts; item-location `j` uses ``itemLocationBase`` + j.
    enum Stream: UInt64 {
        case locations = 1, suppliers, items, successors, itemLocations, transfers, postings, overrides
        static let itemLocationBase: UInt64 = 1 << 32
    }

    /// The generator of a part.
    func generator(_ stream: Stream) -> Xoshiro256StarStar {
        Xoshiro256StarStar(seed: configuration.seed, stream: stream.rawValue)
    }
}
