/// The files of a demo data set (DATA_FORMAT.md names), in the order they are written. The demo
/// generator stands beside DataImport on its row of the module map and does not import it; the
/// names are the data format's, and a test reads the written folder back with DataImport.
enum DemoFile: String, CaseIterable {
    case settings = "settings.yaml"
    case items = "items.csv"
    case uomConversions = "uom_conversions.csv"
    case locations = "locations.csv"
    case suppliers = "suppliers.csv"
    case sourcing = "sourcing.csv"
    case demand = "demand.csv"
    case inventory = "inventory.csv"
    case receipts = "receipts.csv"
    case stockouts = "stockouts.csv"
    case stockHistory = "stock_history.csv"
    case openOrders = "open_orders.csv"
    case transactions = "transactions.csv"
    case overrides = "overrides.csv"
}
