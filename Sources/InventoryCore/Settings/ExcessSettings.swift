/// The `excess` section of `settings.yaml`: how far ahead stock may cover demand before the rest is
/// excess, when an item is obsolete, and the write-down rates (the definitions of
/// `excess_obsolescence.json`; docs/excess.md).
///
/// Keys (all optional): `coverage_months_a` / `_b` / `_c` (0 … 120; defaults 6, 9, 12: the months of
/// forecast the stock of an A, B, C item may cover), `obsolete_after_months` (1 … 120; default 12 months
/// without demand), `excess_provision_rate` (default 0.5), `obsolete_provision_rate` (default 1).
/// The age buckets are the calculator's default: 0–180 days 0 %, 181–365 days 25 %, 366–730 days
/// 50 %, 731 days and older 100 %.
public struct ExcessSettings: Hashable, Sendable {
    /// Months of forecast an A item's stock may cover.
    public var coverageMonthsA: Int
    /// … a B item's.
    public var coverageMonthsB: Int
    /// … a C item's.
    public var coverageMonthsC: Int
    /// That many most recent months without demand make an item obsolete.
    public var obsoleteAfterMonths: Int
    /// The rate on excess units (the age rate applies when higher).
    public var excessProvisionRate: Double
    /// The rate on every unit of an obsolete item.
    public var obsoleteProvisionRate: Double

    /// The defaults.
    public init(
        coverageMonthsA: Int = 6, coverageMonthsB: Int = 9, coverageMonthsC: Int = 12, obsoleteAfterMonths: Int = 12,
        excessProvisionRate: Double = 0.5, obsoleteProvisionRate: Double = 1
    ) {
        self.coverageMonthsA = coverageMonthsA
        self.coverageMonthsB = coverageMonthsB
        self.coverageMonthsC = coverageMonthsC
        self.obsoleteAfterMonths = obsoleteAfterMonths
        self.excessProvisionRate = excessProvisionRate
        self.obsoleteProvisionRate = obsoleteProvisionRate
    }

    /// The coverage of an ABC class.
    public func coverageMonths(_ abc: ABCClass) -> Int {
        switch abc {
        case .a: coverageMonthsA
        case .b: coverageMonthsB
        case .c: coverageMonthsC
        }
    }
}
