/// A stored month-end close of the exposure report as listed (`procura exposure closes`, `GET
/// /api/v1/excess/exposure/closes`): the month, who closed it and when, and its totals. The whole
/// report is stored with it, immutable (docs/excess.md, "Month-end closes").
public struct ExposureClose: Codable, Sendable, Hashable {
    /// `YYYY-MM`.
    public var month: String
    /// The report's valuation day.
    public var asOf: String
    public var currency: String
    /// ISO 8601 UTC.
    public var closedAt: String
    /// The user who closed it.
    public var closedBy: String
    /// Item-locations with exposure.
    public var itemLocations: Int
    /// The report's total exposure value.
    public var exposureValue: Double
    /// The part of it that arrived in the month.
    public var newExposureValue: Double

    /// A close of `month` with empty figures (filled by the store as read).
    public init(month: String, asOf: String, currency: String) {
        self.month = month
        self.asOf = asOf
        self.currency = currency
        closedAt = ""
        closedBy = ""
        itemLocations = 0
        exposureValue = 0
        newExposureValue = 0
    }

    /// The close of `report` (a report marked closed: ``ExposureReport/closed(at:by:)``).
    public init(_ report: ExposureReport) {
        month = report.month
        asOf = report.asOf
        currency = report.currency
        closedAt = report.closedAt ?? ""
        closedBy = report.closedBy ?? ""
        itemLocations = report.lines.count
        exposureValue = report.total.exposureValue
        newExposureValue = report.total.newExposureValue
    }
}

/// The comparison of a report with the last month-end close before its month (docs/excess.md,
/// "New since the last close"): per item-location, exposure now against exposure at that close
/// (0 when it had none then); an increase is exposure new since the close, a decrease released.
public struct CloseComparison: Codable, Sendable, Hashable {
    /// The compared close's month.
    public var month: String
    /// When it was closed.
    public var closedAt: String
    /// Its total exposure value.
    public var exposureAtCloseValue: Double
    /// Σ max(0, now − at close) over the report's item-locations.
    public var newSinceCloseValue: Double
    /// Σ max(0, at close − now) over the item-locations of either (a position gone since counts whole).
    public var releasedSinceCloseValue: Double
    /// Item-locations whose exposure rose since the close.
    public var itemLocationsIncreased: Int
}
