/// The distribution assumed for demand over the protection interval when setting safety stock.
public enum DemandDistribution: String, Sendable, CaseIterable, Codable {
    /// Normal: z·σ (or k·σ for a fill rate).
    case normal
    /// Poisson: a count with variance = mean, for slow movers.
    case poisson
    /// Negative binomial: a count with variance > mean (falls back to Poisson when it is not).
    case negativeBinomial = "negative_binomial"
    /// Gamma: continuous and right-skewed, for lumpy demand.
    case gamma
}
