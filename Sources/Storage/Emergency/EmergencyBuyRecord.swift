public import InventoryCore
public import Workflow

/// A stored emergency buy (docs/procurement.md, "Emergency buys").
public struct EmergencyBuyRecord: Sendable, Hashable, Encodable {
    /// `EB-000001`, …
    public var buyId: String
    public var itemId: String
    public var locationId: String
    /// The supplier it is bought from (may be another than the usual).
    public var supplierId: String
    /// Base units.
    public var quantity: Double
    /// Price per base unit.
    public var unitPrice: Double
    /// The deviations from the policy claimed: `above_max`, `other_supplier`, `expedite`.
    public var deviations: [String]
    public var reason: String
    public var incidentId: String
    /// The named approver.
    public var approver: String
    public var requestedBy: String
    public var requestedAt: String
    /// Until when it may be approved (ISO 8601).
    public var expiresAt: String
    /// requested, approved, or expired (requested and past `expires_at` when read).
    public var state: String
    public var approvedAt: String
    /// The purchase order its approval created (empty before).
    public var poId: String
    /// The item-location's usual supplier (its sourcing rule with the largest share) and its price per base unit.
    public var normalSupplierId: String
    public var normalUnitPrice: Double
    /// The policy's order quantity (latest plan run; the buy's quantity when there is none).
    public var policyQuantity: Double
    /// When and by whom the buy's incident was closed (empty: open).
    public var incidentClosedAt: String
    public var incidentClosedBy: String

    /// The buy's cost above the normal buy (``Workflow/EmergencyDeviationCost``).
    public var cost: EmergencyDeviationCost {
        EmergencyDeviationCost(
            quantity: quantity, unitPrice: unitPrice, normalUnitPrice: normalUnitPrice, policyQuantity: policyQuantity)
    }
}

/// What a buyer asks for (``Store/createEmergencyBuy(_:)``).
public struct EmergencyBuyRequest: Sendable, Hashable {
    public var itemID: String
    public var locationID: String
    public var supplierID: String
    /// Base units, > 0.
    public var quantity: Double
    /// Price per base unit; `nil`: the supplier's sourcing-rule price for the item-location.
    public var unitPrice: Double?
    public var deviations: [EmergencyDeviation]
    public var reason: String
    public var incidentID: String
    public var approver: String
    /// How long it may be approved, hours (1 … 720).
    public var validityHours: Int
    /// The reason to buy although supply is coming (``Workflow/DuplicateOrderCheck``).
    public var confirmDuplicate: String
    public var principal: Authorization.Principal

    /// Creates a request.
    public init(
        itemID: String, locationID: String, supplierID: String, quantity: Double, unitPrice: Double? = nil,
        deviations: [EmergencyDeviation] = [], reason: String, incidentID: String, approver: String, validityHours: Int = 24,
        confirmDuplicate: String = "", principal: Authorization.Principal
    ) {
        self.itemID = itemID
        self.locationID = locationID
        self.supplierID = supplierID
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.deviations = deviations
        self.reason = reason
        self.incidentID = incidentID
        self.approver = approver
        self.validityHours = validityHours
        self.confirmDuplicate = confirmDuplicate
        self.principal = principal
    }
}

/// A buy created or approved, and whether the idempotency key replayed an earlier call.
public struct EmergencyBuyResult: Sendable, Hashable {
    /// The buy as it is now.
    public var buy: EmergencyBuyRecord
    /// The key was used before for the same request: nothing was done.
    public var replayed: Bool
}

extension EmergencyBuyRequest {
    /// The canonical text compared when an idempotency key is used again.
    var fingerprint: String {
        [
            "emergency-create-v1", itemID, locationID, supplierID, JSONValue.text(of: quantity),
            unitPrice.map(JSONValue.text(of:)) ?? "", deviations.map(\.rawValue).joined(separator: ","), reason, incidentID,
            approver, String(validityHours), confirmDuplicate, principal.userID,
        ].joined(separator: "\u{1F}")
    }
}
