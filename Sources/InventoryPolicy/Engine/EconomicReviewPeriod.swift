/// The review period of an (R,S) item chosen from its economic lot: a whole multiple of the
/// configured review period R close to the lot's time supply T* = Q*/d, at most a year.
///
///     k = min(⌊365/R⌋, max(1, round(T*/R))),   R_used = k·R
///
/// An (R,S) policy orders the demand of one review period each time; reviewing every R days an item
/// whose economic lot lasts ten times as long would order ten small lots instead of one. Setting the
/// review interval to the EOQ's time supply, rounded to a convenient multiple of the review calendar,
/// is the textbook choice (Silver, Pyke & Thomas, *Inventory and Production Management in Supply
/// Chains*, 4th ed., 2017, ch. 6, "the EOQ expressed as a time supply"). Off with
/// `policy.economic_review_period: false`, or when a planner overrides `review_period_days`.
public struct EconomicReviewPeriod: Hashable, Sendable {
    /// The configured review period R in days.
    public var configuredDays: Double
    /// T* = economic lot / daily demand, in days.
    public var timeSupplyDays: Double
    /// k.
    public var multiple: Double

    /// The review period used, k·R days.
    public var days: Double { configuredDays * multiple }

    /// Chooses k for a configured period, the economic lot (base units) and the daily demand.
    public init(configuredDays: Double, economicLot: Double, dailyDemand: Double) {
        self.configuredDays = configuredDays
        self.timeSupplyDays = dailyDemand > 0 ? economicLot / dailyDemand : 0
        guard configuredDays > 0, timeSupplyDays.isFinite else {
            self.multiple = 1
            return
        }
        let most = max(1, (365 / configuredDays).rounded(.down))
        self.multiple = min(most, max(1, (timeSupplyDays / configuredDays).rounded()))
    }
}
