/// The files of a data folder (DATA_FORMAT.md), in the order the import reads them.
///
/// Settings come first (the bucket size shapes demand bucketing), then master data, sourcing and
/// inventory (whose `as_of` fixes the snapshot date before demand is streamed), then demand and
/// the files that refer to it.
public enum DataFolderFile: String, Sendable, CaseIterable {
    case settings = "settings.yaml"
    case items = "items.csv"
    case uomConversions = "uom_conversions.csv"
    case locations = "locations.csv"
    case suppliers = "suppliers.csv"
    case sourcing = "sourcing.csv"
    case inventory = "inventory.csv"
    case demand = "demand.csv"
    case openOrders = "open_orders.csv"
    case receipts = "receipts.csv"
    case transactions = "transactions.csv"
    case stockouts = "stockouts.csv"
    case overrides = "overrides.csv"

    /// Whether the import fails without this file (`items.csv` and `demand.csv`).
    public var isRequired: Bool { self == .items || self == .demand }
}
