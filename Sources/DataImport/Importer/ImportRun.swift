import Foundation
import InventoryCore

/// The state of one import: what has been read so far, file by file, and the issue log.
///
/// Each `readX()` in the `ImportRun+X.swift` files reads one file into this state; ``run()``
/// calls them in order and builds the snapshot when no error was found.
struct ImportRun {
    let folder: URL
    let options: ImportOptions
    let log: IssueLog
    var rowCounts: [DataFolderFile: Int] = [:]

    var settings = PlanningSettings()

    // Master data.
    var itemKeys = Registry(file: .items, expected: "an item_id listed in items.csv")
    var locationKeys = Registry(file: .locations, expected: "a location_id listed in locations.csv")
    var supplierKeys = Registry(file: .suppliers, expected: "a supplier_id listed in suppliers.csv")
    var items: [Item] = []
    /// Line of each item in items.csv.
    var itemLines: [Int] = []
    var locations: [Location] = []
    var locationLines: [Int] = []
    var suppliers: [Supplier] = []
    var supplierLines: [Int] = []
    var conversions: [UOMConversion] = []
    /// Units of each item other than its base unit: upper-cased unit → base units per unit.
    var unitsByItem: [Int32: [String: Double]] = [:]

    // Plans and history.
    var sourcing: [SourcingRule] = []
    var countedStock: [InventoryLot] = []
    /// `as_of` from inventory.csv and the line it was first seen on.
    var inventoryAsOf: (day: Day, line: Int)?
    /// The snapshot date, once known (after demand.csv).
    var asOf: Day?
    var demand: DemandAccumulator
    var openOrders: [OpenOrder] = []
    var receipts: [Receipt] = []
    var postings: [LedgerPosting] = []
    /// The requests of a `transactions.csv` read on its own (``TransactionsFile``), with their lines.
    var standaloneRequests: [(line: Int, request: PostingRequest)] = []
    var overrides: [Override] = []
    var vmiAgreements: [VMIAgreementTerms] = []
    var stockoutDays: Set<StockoutDay> = []
    var stockHistory: [StockHistoryPoint] = []

    init(folder: URL, options: ImportOptions) {
        self.folder = folder
        self.options = options
        self.log = IssueLog(limit: options.errorLimit)
        self.demand = DemandAccumulator(calendar: BucketCalendar(size: .week))
    }

    /// Reads every file; the snapshot, or `nil` when errors were logged.
    mutating func run() -> Snapshot? {
        readSettings()
        demand = DemandAccumulator(calendar: BucketCalendar(size: settings.bucket))
        readItems()
        checkSwitchDates()
        readUOMConversions()
        readLocations()
        readSuppliers()
        readSourcing()
        readInventory()
        readDemand()
        resolveSnapshotDate()
        readOpenOrders()
        readReceipts()
        readTransactions()
        readStockHistory()
        readStockouts()
        readOverrides()
        readAgreements()
        guard !log.hasErrors, let asOf else { return nil }
        return buildSnapshot(asOf: asOf)
    }

    /// Opens a CSV file of the folder.
    func open<Column: CSVColumn>(_ file: DataFolderFile, _ columns: Column.Type) -> CSVTable<Column>.Opening {
        CSVTable.open(file, in: folder, columns: columns, log: log, options: options)
    }

    /// Logs an error that a file which must have rows has only its header.
    func reportNoRows(_ file: DataFolderFile, what: String) {
        log.add(
            ImportIssue(
                severity: .error, code: .noRows, file: file,
                message: "no \(what) — expected at least one row after the header"
            )
        )
    }
}
