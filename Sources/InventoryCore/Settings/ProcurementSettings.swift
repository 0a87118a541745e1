/// The procurement settings (`settings.yaml`, section `procurement`): how far net requirements
/// look ahead, which planned orders become proposals now, how proposals are consolidated per
/// supplier, and whether stock the supplier owns counts as available (docs/procurement.md).
public struct ProcurementSettings: Hashable, Sendable {
    /// Whether consignment and VMI stock on hand (owned by the supplier, held by us) counts as
    /// available when netting (`procurement.supplier_owned_stock`).
    public enum SupplierOwnedStock: String, Hashable, Sendable, CaseIterable {
        /// It counts: it is on the shelf and may be consumed (default).
        case count
        /// It does not: only owned stock covers requirements.
        case ignore
    }

    /// Buckets of net requirements per item-location (`procurement.horizon_buckets`, default 13,
    /// the plan run's forecast horizon).
    public var horizonBuckets: Int
    /// Planned orders released within this many days of the planning date become proposals
    /// (`procurement.release_window_days`); `nil` (the default, `first_bucket`): those released before
    /// the end of the horizon's first bucket.
    public var releaseWindowDays: Int?
    /// Proposal lines of one supplier and location released within this many days of the
    /// earliest one are one proposed purchase order (`procurement.consolidation_days`, default 7).
    public var consolidationDays: Int
    /// Whether supplier-owned stock counts as available (default ``SupplierOwnedStock/count``).
    public var supplierOwnedStock: SupplierOwnedStock
    /// Receipts posted within this many days before today count as "already coming" when a manual
    /// order or an emergency buy is checked for duplicates (`procurement.recent_receipt_days`,
    /// default 14).
    public var recentReceiptDays: Int = 14

    /// The longest horizon accepted: 520 buckets (ten years of weeks).
    public static let maximumHorizonBuckets = 520

    /// The defaults: 13 buckets, the first bucket's releases, one week of consolidation, supplier-owned
    /// stock counted.
    public init(
        horizonBuckets: Int = 13, releaseWindowDays: Int? = nil, consolidationDays: Int = 7,
        supplierOwnedStock: SupplierOwnedStock = .count
    ) {
        self.horizonBuckets = horizonBuckets
        self.releaseWindowDays = releaseWindowDays
        self.consolidationDays = consolidationDays
        self.supplierOwnedStock = supplierOwnedStock
    }
}
