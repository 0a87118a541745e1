/// The files of a data folder (DATA_FORMAT.md), in the order the import reads them.
///
/// Settings come first (the bucket size shapes demand bucketing), then master data, sourcing and
/// inventory (whose `as_of` fixes the snapshot date before demand is streamed), then demand and
/// the files that refer to it.
public enum DataFolderFile: String, Sendable, CaseIterable {
    /// Planning parameters (optional; defaults otherwise).
    case settings = "settings.yaml"
    /// Material master (required).
    case items = "items.csv"
    /// Units of measure per item.
    case uomConversions = "uom_conversions.csv"
    /// Stocking locations (without it, locations are taken as the other files name them).
    case locations = "locations.csv"
    /// Suppliers (without it, suppliers are taken as the other files name them).
    case suppliers = "suppliers.csv"
    /// Procurement catalog: who supplies what, where, on which terms.
    case sourcing = "sourcing.csv"
    /// Stock on hand at the snapshot date, by lot; its `as_of` is the snapshot date.
    case inventory = "inventory.csv"
    /// Consumption history (required), bucketed while it streams.
    case demand = "demand.csv"
    /// Purchase orders and transfers not yet received.
    case openOrders = "open_orders.csv"
    /// Purchase receipt history.
    case receipts = "receipts.csv"
    /// Inventory ledger postings.
    case transactions = "transactions.csv"
    /// Past stock on hand (end of day) where the ledger does not reach.
    case stockHistory = "stock_history.csv"
    /// Days without stock per item-location.
    case stockouts = "stockouts.csv"
    /// Planner overrides of computed parameters.
    case overrides = "overrides.csv"
    /// VMI agreements with suppliers (docs/vmi.md).
    case agreements = "agreements.csv"

    /// Whether the import fails without this file (`items.csv` and `demand.csv`).
    public var isRequired: Bool { self == .items || self == .demand }
}
