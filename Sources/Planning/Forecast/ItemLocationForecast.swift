public import Forecasting
import InventoryCore

/// The forecast of one item-location: what the model was fed, what was chosen and why, the
/// statistical and the final (adjusted) forecast, and the forecast error safety stock is sized from.
public struct ItemLocationForecast: Sendable {
    /// Row in the snapshot's demand history.
    public var row: Int
    /// Index into the snapshot's items.
    public var item: Int32
    /// Index into the snapshot's locations.
    public var location: Int32
    /// The planning classification of the item-location (pattern, ABC-XYZ, flags).
    public var classification: ItemLocationClassification
    /// The selection (or the named model's fit): chosen model, parameters, runner-up, every
    /// candidate's score, fallback, lifecycle flags.
    public var selection: SelectionResult
    /// Why the named model could not be fitted, when the fallback (mean since the first demand)
    /// was used instead.
    public var failure: String?
    /// Every change made to the history before fitting (bucket = column of the demand history).
    public var corrections: [HistoryCorrection]
    /// The statistical and the final forecast, and each change the adjustments made.
    public var forecast: AdjustedForecast
    /// The forecast adjustments of `overrides.csv` for this item-location and what became of them.
    public var adjustments: [ForecastAdjustmentWindow]
    /// σ₁: root mean square of the one-step in-sample errors on the cleaned history (from the first
    /// demand on); `nil` when there are none.
    public var oneStepSigma: Double?
    /// Mean supplier lead time L in buckets (share-weighted over the sourcing rules; the policy's
    /// default lead time without sourcing).
    public var leadTimeBuckets: Double
    /// σ of the forecast error of demand summed over L (``Forecasting/LeadTimeForecastError``).
    public var leadTimeSigma: Double?
    /// The protection interval P = L (+ R under periodic review) the policy engine uses, in buckets.
    public var protectionBuckets: Double
    /// σ of the forecast error summed over P.
    public var protectionSigma: Double?
    /// Signals for the planner: the selection's `phase_out`, `dying`, `declining`, `new_item`, plus
    /// `successor_history` (a predecessor's history was carried over) and `model_failed`.
    public var flags: [String]

    /// The statistical forecast per bucket.
    public var statistical: [Double] { forecast.statistical }
    /// The final forecast per bucket (adjustments applied).
    public var final: [Double] { forecast.final }
    /// The model used: the chosen model's name, the fallback rule's, or `none`.
    public var modelName: String {
        if let chosen = selection.chosen {
            return selection.seasonallyAdjusted ? chosen.rawValue + "+seasonal" : chosen.rawValue
        }
        return selection.fallback?.rawValue ?? "none"
    }
}
