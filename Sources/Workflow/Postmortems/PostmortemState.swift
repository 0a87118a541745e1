/// Where a post-mortem is (docs/postmortems.md).
///
/// ```text
/// open ──close (a planner or admin; every action done or cancelled)──▶ closed
/// ```
public enum PostmortemState: String, Sendable, Hashable, CaseIterable, Codable {
    /// Being worked: causes and actions are added.
    case open
    /// Closed: all its actions were done or cancelled.
    case closed
}

/// The kind of inventory incident a post-mortem is about.
public enum IncidentKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// The item-location ran out of stock.
    case stockOut = "stock_out"
    /// Stock beyond need.
    case excess
    /// Stock written off (scrapped).
    case writeOff = "write_off"
}

/// The categories of a cause (a fixed list; `other` for the rest).
public enum CauseCategory: String, Sendable, Hashable, CaseIterable, Codable {
    /// The forecast was wrong by more than its error.
    case forecast
    /// The supplier delivered after the due date.
    case supplierLate = "supplier_late"
    /// The lead time in the master data was wrong.
    case leadTimeMasterData = "lead_time_master_data"
    /// The order was released after its planned release date.
    case orderReleasedLate = "order_released_late"
    /// An override of a planning parameter.
    case override
    /// A minimum order quantity forced more than the need.
    case moq
    /// Demand shifted.
    case demandShift = "demand_shift"
    /// Wrong data: a stock record, a master-data field.
    case dataError = "data_error"
    /// Anything else (the text says what).
    case other
}
