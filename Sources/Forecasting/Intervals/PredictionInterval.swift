import InventoryCore

/// Prediction intervals of a forecast path: `ŷ_h ± z σ_h`, z the standard normal quantile of
/// (1 + level)/2 (normal errors, Hyndman et al. 2008 §6.1), the lower bound cut at 0 (demand is
/// never negative).
public enum PredictionInterval {
    /// Lower and upper bounds per bucket; `sigmas` as ``ForecastErrorGrowth/sigmas(oneStep:horizon:)`` gives them.
    public static func bounds(forecast: [Double], sigmas: [Double], level: Double) -> [(lower: Double, upper: Double)] {
        let z = StandardNormal.quantile((1 + level) / 2)
        return zip(forecast, sigmas).map { value, sigma in (max(0, value - z * sigma), value + z * sigma) }
    }
}
