/// A single-stage simulation: the total cost and one ``SingleStagePeriod`` per period.
public struct SingleStageResult: Codable, Sendable, Hashable {
    /// Σ holding and stock-out cost over the periods.
    public var totalCost: Double
    /// Period by period.
    public var periods: [SingleStagePeriod]
}

/// One period of a single-stage simulation (keys of the stockpyl traces): IL = on hand −
/// backorders at the end; the position IL + on order + receipt-paused items; demand met from
/// stock min(d, max(IL₍t−1₎ + received, 0)); the fill rate cumulative up to and including t.
public struct SingleStagePeriod: Codable, Sendable, Hashable {
    /// The period, from 0.
    public var t: Int
    /// Whether the supply was disrupted in the period.
    public var disrupted: Bool
    /// The period's demand.
    public var demand: Double
    /// Units received (with receipt-paused units released).
    public var received: Double
    /// The order placed (0 while order-pausing).
    public var orderPlaced: Double
    /// IL at the end: on hand − backorders.
    public var inventoryLevelEnd: Double
    /// max(IL, 0).
    public var onHandEnd: Double
    /// max(−IL, 0).
    public var backordersEnd: Double
    /// Units ordered and not yet arrived.
    public var onOrderEnd: Double
    /// Units arrived but held back while receipt-pausing.
    public var receiptPausedItemsEnd: Double
    /// IL + on order + receipt-paused units.
    public var inventoryPositionEnd: Double
    /// min(d, max(IL₍t−1₎ + received, 0)).
    public var demandMetFromStock: Double
    /// h·max(IL, 0).
    public var holdingCost: Double
    /// p·max(−IL, 0).
    public var stockoutCost: Double
    /// Holding plus stock-out cost of the period.
    public var totalCost: Double
    /// Σ met / Σ demand up to and including the period (NaN, JSON null, before any demand).
    public var cumulativeFillRate: Double
}
