/// The `excess` section of `settings.yaml`: how far ahead stock may cover demand before the rest is
/// excess, when an item is obsolete, and the write-down rates (the definitions of
/// `excess_obsolescence.json`; docs/excess.md).
///
/// Keys (all optional): `coverage_months_a` / `_b` / `_c` (0 … 120; defaults 6, 9, 12: the months of
/// forecast the stock of an A, B, C item may cover), `obsolete_after_months` (1 … 120; default 12 months
/// without demand), `excess_provision_rate` (default 0.5), `obsolete_provision_rate` (default 1).
/// `age_buckets` (a mapping from each bucket's oldest age in days to its provision rate, the last
/// bucket `older`; default `{180: 0, 365: 0.25, 730: 0.5, older: 1}`: 0–180 days 0 %, 181–365 days
/// 25 %, 366–730 days 50 %, 731 days and older 100 %, the calculator's default), and
/// `no_movement_after_months` (1 … 120; default 6: an item-location without any ledger movement for
/// that many months is flagged), `provision_account` (the general-ledger account of the monthly
/// provision run's export; default `inventory_provision`). Disposition cases (docs/disposition.md):
/// `restocking_fee_rate` (0 … 1; default 0.15: the supplier keeps 15 % of a returned lot's value),
/// `disposition_sign_off_roles` (the roles that must sign a case, a list of distinct role names;
/// default `[buyer, operations, finance]`), `discount_rate` (0 … 1; default 0.08: the yearly cost of
/// capital of the hold-or-dispose analysis of a spare) and `spare_horizon_years` (1 … 100; default
/// 5: its horizon). The `phase_out` section's `switch_date` (an ISO date; default none: each
/// phase-out item switches to its successor at its run-out date) is kept here too.
/// `include_on_order` (default false): count stock on order — open purchase orders outstanding,
/// transfers and stock in transit to the location — as the newest layer, so that excess = on hand +
/// on order − forecast over the coverage (docs/excess.md, "Stock on order").
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

    /// The oldest age (days) of every age bucket but the last, increasing; the last bucket is open.
    public var ageBucketMaxDays: [Int]
    /// The provision rate of each age bucket, youngest first (one more than ``ageBucketMaxDays``).
    public var ageBucketRates: [Double]
    /// An item-location without a ledger movement for that many months is flagged "no movement".
    public var noMovementAfterMonths: Int
    /// The general-ledger account the provision run exports to.
    public var provisionAccount: String
    /// The share of a returned lot's value the supplier keeps.
    public var restockingFeeRate: Double = 0.15
    /// The roles (their names) that must sign a disposition case.
    public var dispositionSignOffRoles: [String] = ["buyer", "operations", "finance"]
    /// The yearly discount rate of a spare's hold-or-dispose analysis.
    public var discountRate: Double = 0.08
    /// The horizon in years of a spare's hold-or-dispose analysis.
    public var spareHorizonYears: Int = 5
    /// `phase_out.switch_date`: the day every phase-out item's successor takes its demand (`nil`:
    /// each predecessor switches at its run-out date; docs/excess.md, "Phase-out and successors").
    public var phaseOutSwitchDate: Day?
    /// `phase_out.switch_dates`: a switch date per phase-out item (item id → day), which wins over
    /// ``phaseOutSwitchDate`` for that item (empty by default; docs/excess.md, "The switch date").
    /// Each id names an item of lifecycle `phase_out` (checked at import, where the items are known).
    public var phaseOutSwitchDates: [String: Day] = [:]
    /// `excess.include_on_order`: stock on order counts against the forecast over the coverage before
    /// the stock on hand does (it is the newest layer; excess is taken from the oldest lots first).
    public var includeOnOrder = false

    /// The defaults.
    public init(
        coverageMonthsA: Int = 6, coverageMonthsB: Int = 9, coverageMonthsC: Int = 12, obsoleteAfterMonths: Int = 12,
        excessProvisionRate: Double = 0.5, obsoleteProvisionRate: Double = 1, ageBucketMaxDays: [Int] = [180, 365, 730],
        ageBucketRates: [Double] = [0, 0.25, 0.5, 1], noMovementAfterMonths: Int = 6,
        provisionAccount: String = "inventory_provision"
    ) {
        self.provisionAccount = provisionAccount
        self.ageBucketMaxDays = ageBucketMaxDays
        self.ageBucketRates = ageBucketRates
        self.noMovementAfterMonths = noMovementAfterMonths
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
