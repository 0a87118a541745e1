public import InventoryCore

/// A planner's override of one policy parameter of one item-location, by keys (the `overrides`
/// table; the snapshot's ``Override`` holds the same with indexes).
///
/// Its key is (item, location, parameter, valid from): a second override of the same parameter
/// from the same day replaces the first.
public struct OverrideRecord: Sendable, Hashable {
    /// The item.
    public var itemID: String
    /// The location.
    public var locationID: String
    /// Which parameter (`safety_stock`, `reorder_point`, …).
    public var parameter: String
    /// The value to use instead of the computed one.
    public var value: Double
    /// Why (required).
    public var reason: String
    /// Who decided.
    public var author: String
    /// First day it applies (inclusive), or always.
    public var validFrom: Day?
    /// Last day it applies (inclusive), or open-ended.
    public var validTo: Day?

    /// Creates a record.
    public init(
        itemID: String, locationID: String, parameter: String, value: Double, reason: String, author: String = "",
        validFrom: Day? = nil,
        validTo: Day? = nil
    ) {
        self.itemID = itemID
        self.locationID = locationID
        self.parameter = parameter
        self.value = value
        self.reason = reason
        self.author = author
        self.validFrom = validFrom
        self.validTo = validTo
    }

    /// Whether it applies on `day`.
    public func isValid(on day: Day) -> Bool {
        if let validFrom, day < validFrom { return false }
        if let validTo, day > validTo { return false }
        return true
    }

    /// `P1@DC1/safety_stock` (and `@2026-12-01` when it has a start), for the audit log.
    public var subject: String {
        "override:\(itemID)@\(locationID)/\(parameter)" + (validFrom.map { "@\($0)" } ?? "")
    }

    var auditJSON: String {
        JSONValue.object([
            ("item_id", .string(itemID)), ("location_id", .string(locationID)), ("parameter", .string(parameter)),
            ("value", .number(value)), ("reason", .string(reason)), ("author", .string(author)),
            ("valid_from", validFrom.map { .string($0.description) } ?? .null),
            ("valid_to", validTo.map { .string($0.description) } ?? .null),
        ]).minified
    }
}
