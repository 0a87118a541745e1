public import InventoryCore

/// A stored plan run: numbered 1, 2, 3, … in the order they were saved; earlier runs are kept so
/// runs can be compared.
public struct PlanRunRecord: Sendable, Hashable {
    /// Internal id.
    public var runID: Int64
    /// The run's number (1 for the first run of a database).
    public var runNumber: Int
    /// When it was saved (ISO 8601 UTC).
    public var createdAt: String
    /// The snapshot date it planned from.
    public var asOf: Day
    /// Free text (`weekly`, `what-if lead times +20%`, …).
    public var label: String
    /// `complete` (or a status a later issue defines).
    public var status: String
    /// The settings used, as the caller serialised them (YAML or JSON).
    public var settings: String
    /// A summary, as JSON text.
    public var summary: String
    /// Number of result rows.
    public var resultCount: Int

    /// Creates a record.
    public init(
        runID: Int64, runNumber: Int, createdAt: String, asOf: Day, label: String, status: String, settings: String,
        summary: String,
        resultCount: Int
    ) {
        self.runID = runID
        self.runNumber = runNumber
        self.createdAt = createdAt
        self.asOf = asOf
        self.label = label
        self.status = status
        self.settings = settings
        self.summary = summary
        self.resultCount = resultCount
    }
}

/// One result of a plan run for an item-location: `kind` names what it is (`classification`,
/// `forecast`, `policy`, `proposal`, …) and `payload` is JSON whose shape the kind defines.
public struct PlanResultRow: Sendable, Hashable {
    /// The item.
    public var itemID: String
    /// The location.
    public var locationID: String
    /// What kind of result.
    public var kind: String
    /// JSON text.
    public var payload: String

    /// Creates a row.
    public init(itemID: String, locationID: String, kind: String, payload: String) {
        self.itemID = itemID
        self.locationID = locationID
        self.kind = kind
        self.payload = payload
    }
}
