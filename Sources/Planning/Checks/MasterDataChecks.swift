public import InventoryCore

/// Master-data checks: the procurement catalog (`sourcing`) against the inventory records (items,
/// unit conversions, receipts, demand). Pure: a snapshot in, findings out, sorted by severity,
/// check, item, location, supplier.
///
/// The checks follow the data-quality practice of ERP master-data audits (purchasing info
/// record vs material master): units must convert (DATA_FORMAT.md, `uom_conversions.csv`),
/// planned lead times should match observed ones (Silver, Pyke & Thomas, *Inventory and
/// Production Management in Supply Chains*, 4th ed., §4.6 on estimating lead-time parameters),
/// lot-size constraints must be consistent (a minimum order that is not a multiple of the order
/// multiple cannot be ordered exactly), prices should be near standard cost, demanded items need a
/// source and obsolete items none.
public struct MasterDataChecks: Sendable {
    /// Thresholds.
    public struct Configuration: Sendable, Hashable {
        /// A lead-time mismatch is reported when |observed mean − catalog| exceeds both this many
        /// days and ``leadTimeRelativeTolerance`` × catalog (default 3 days).
        public var leadTimeToleranceDays: Double
        /// Relative part of the lead-time threshold (default 0.25).
        public var leadTimeRelativeTolerance: Double
        /// Receipts needed before observed lead times are compared (default 3).
        public var minimumReceipts: Int
        /// A price is "far" when |price per base unit − unit cost| > this × unit cost (default 0.5).
        public var priceTolerance: Double
        /// Relative tolerance when comparing unit conversions (default 1e-9).
        public var conversionTolerance: Double

        /// The defaults.
        public init(
            leadTimeToleranceDays: Double = 3, leadTimeRelativeTolerance: Double = 0.25, minimumReceipts: Int = 3,
            priceTolerance: Double = 0.5, conversionTolerance: Double = 1e-9
        ) {
            self.leadTimeToleranceDays = leadTimeToleranceDays
            self.leadTimeRelativeTolerance = leadTimeRelativeTolerance
            self.minimumReceipts = minimumReceipts
            self.priceTolerance = priceTolerance
            self.conversionTolerance = conversionTolerance
        }
    }

    /// The thresholds.
    public var configuration: Configuration

    /// Creates the checks.
    public init(configuration: Configuration = .init()) {
        self.configuration = configuration
    }

    /// Runs every check.
    public func run(_ snapshot: Snapshot) -> [MasterDataFinding] {
        var findings = unitsThatDoNotConvert(snapshot)
        findings += leadTimeMismatches(snapshot)
        findings += moqNotMultipleOfOrderMultiple(snapshot)
        findings += pricesFarFromCost(snapshot)
        findings += demandWithoutSource(snapshot)
        findings += sourcingForInactiveItems(snapshot)
        findings += stockFindings(snapshot)
        return findings.sorted {
            ($0.severity, $0.check.rawValue, $0.itemID, $0.locationID, $0.supplierID)
                < ($1.severity, $1.check.rawValue, $1.itemID, $1.locationID, $1.supplierID)
        }
    }
}
