public import InventoryCore
public import InventoryPolicy

/// What a planner agreed for one vital item-location against the loss of its supply (docs/risk.md,
/// "Redundancy plans"): who owns it, when it is reviewed next, the buffer agreed, a substitute item
/// and a second source being qualified. The derived half (sources, recommended buffer, successor)
/// comes from the data in ``RedundancyPlanReport``.
public struct RedundancyPlan: Sendable, Hashable {
    /// The item (vital, criticality V).
    public var itemId: String
    /// The location.
    public var locationId: String
    /// The user who owns the plan.
    public var owner: String
    /// The day the plan is reviewed next; after it the plan is overdue.
    public var reviewDate: Day
    /// The substitute item the planner named (instead of the derived successor), if any.
    public var substituteItemId: String?
    /// The buffer the planner agreed, in base units, if any.
    public var agreedBuffer: Double?
    /// A second source is being qualified until this day, if any.
    public var qualifyingUntil: Day?
    /// Free text.
    public var notes: String
    /// 1 when created, + 1 per change (optimistic concurrency).
    public var version: Int
    /// When it was last changed (ISO 8601 UTC).
    public var updatedAt: String
    /// Who changed it last.
    public var updatedBy: String

    /// The longest notes kept.
    public static let maximumNotes = 2_000
    /// The largest agreed buffer accepted (units).
    public static let maximumBuffer = 1e12

    /// Creates a plan.
    public init(
        itemId: String, locationId: String, owner: String, reviewDate: Day, substituteItemId: String? = nil,
        agreedBuffer: Double? = nil, qualifyingUntil: Day? = nil, notes: String = "", version: Int = 0,
        updatedAt: String = "", updatedBy: String = ""
    ) {
        self.itemId = itemId
        self.locationId = locationId
        self.owner = owner
        self.reviewDate = reviewDate
        self.substituteItemId = substituteItemId
        self.agreedBuffer = agreedBuffer
        self.qualifyingUntil = qualifyingUntil
        self.notes = notes
        self.version = version
        self.updatedAt = updatedAt
        self.updatedBy = updatedBy
    }

    /// The rules of the fields on their own (the database checks item, location, substitute and
    /// owner against its tables): item, location and owner not empty; the substitute not the item
    /// itself; the agreed buffer a number from 0 to 10^12; notes at most 2,000 characters.
    ///
    /// - Throws: ``InventoryPolicy/PolicyError`` (`invalid_input`) naming the field, the value and
    ///   what was expected.
    public func validate() throws(PolicyError) {
        func fail(_ message: String) -> PolicyError { PolicyError(code: .invalidInput, message: message) }
        if itemId.isEmpty { throw fail("item_id: expected an item id, got ''") }
        if locationId.isEmpty { throw fail("location_id: expected a location id, got ''") }
        if owner.allSatisfy(\.isWhitespace) { throw fail("owner: expected a user name, got '\(owner)'") }
        if let substituteItemId {
            if substituteItemId.isEmpty { throw fail("substitute_item_id: expected an item id, got ''") }
            if substituteItemId == itemId {
                throw fail("substitute_item_id: '\(itemId)' is the item itself — expected another item")
            }
        }
        if let agreedBuffer, !(agreedBuffer >= 0 && agreedBuffer <= Self.maximumBuffer) {
            throw fail("buffer: expected a quantity from 0 to 10^12 units, got \(agreedBuffer)")
        }
        if notes.count > Self.maximumNotes {
            throw fail("notes: expected at most \(Self.maximumNotes) characters, got \(notes.count)")
        }
    }

    /// `redundancy_plan:ITEM@LOCATION`, the audit log's subject.
    public var subject: String { "redundancy_plan:\(itemId)@\(locationId)" }
}
