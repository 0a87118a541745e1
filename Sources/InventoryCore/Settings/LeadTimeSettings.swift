/// Which lead time the plan uses for a supplier of an item-location: the catalog's
/// (`sourcing.csv`), the one observed on receipts (`receipts.csv`), or a blend of both.
public enum LeadTimeSource: String, Sendable, CaseIterable, Codable {
    /// The catalog's `lead_time_days` and `lead_time_sd_days` (the default).
    case catalog
    /// The mean and standard deviation of the observed lead times when there are at least
    /// ``LeadTimeSettings/minimumReceipts`` receipts, else the catalog's.
    case observed
    /// A credibility-weighted blend of the two (see ``LeadTimeSettings/blendCredibilityReceipts``).
    case blend
}

/// The lead-time keys of the `policy` section of `settings.yaml`: where the plan's lead times come
/// from and when observed lead times have drifted far enough from the catalog for the plan to
/// propose new safety stock and reorder points.
///
/// Keys (all optional): `lead_time_source` (`catalog` | `observed` | `blend`, default `catalog`),
/// `lead_time_minimum_receipts` (default 5), `lead_time_blend_credibility` (default 10),
/// `lead_time_drift_days` (default 3), `lead_time_drift_share` (default 0.25).
public struct LeadTimeSettings: Hashable, Sendable {
    /// Where the plan's lead times come from.
    public var source: LeadTimeSource
    /// Receipts of a supplier for an item-location before its observed lead time is used (or
    /// compared with the catalog): at least 2, so that a standard deviation exists.
    public var minimumReceipts: Int
    /// k of the blend's credibility weight w = n / (n + k) on the observed figures (n receipts;
    /// Bühlmann credibility, H. Bühlmann, "Experience rating and credibility", *ASTIN Bulletin*
    /// 4(3):199–207, 1967): with k = 10, 10 receipts weigh as much as the catalog.
    public var blendCredibilityReceipts: Double
    /// Observed lead times have drifted when |observed mean − catalog| exceeds both this many
    /// days…
    public var driftDays: Double
    /// …and this share of the catalog lead time.
    public var driftShare: Double

    /// The defaults.
    public init(
        source: LeadTimeSource = .catalog, minimumReceipts: Int = 5, blendCredibilityReceipts: Double = 10,
        driftDays: Double = 3, driftShare: Double = 0.25
    ) {
        self.source = source
        self.minimumReceipts = minimumReceipts
        self.blendCredibilityReceipts = blendCredibilityReceipts
        self.driftDays = driftDays
        self.driftShare = driftShare
    }

    /// Whether an observed mean lead time has drifted from the catalog's: |observed − catalog| >
    /// max(``driftDays``, ``driftShare`` × catalog). The one rule the plan's proposals and
    /// `procura check`'s lead-time finding share.
    public func hasDrifted(observedMeanDays: Double, catalogDays: Double) -> Bool {
        abs(observedMeanDays - catalogDays) > driftThreshold(catalogDays: catalogDays)
    }

    /// max(``driftDays``, ``driftShare`` × catalog days).
    public func driftThreshold(catalogDays: Double) -> Double {
        max(driftDays, driftShare * catalogDays)
    }
}
