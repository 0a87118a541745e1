public import Planning
public import Workflow

/// A stored purchase order: its header, lines, the approvals given since its last change.
///
/// Quantities are in the units the lines name (base and purchase units), money in the data set's
/// currency; the database keeps them in fixed point (docs/storage.md), so they read back exactly.
public struct PurchaseOrderRecord: Sendable, Hashable {
    /// `PO-000001`, …: numbered in the order they were created.
    public var poID: String
    /// The supplier.
    public var supplierID: String
    /// The receiving location.
    public var locationID: String
    /// Where it is in its lifecycle.
    public var state: PurchaseOrderState
    /// Currency of prices and values.
    public var currency: String
    /// Σ line values.
    public var value: Double
    /// When to release it (ISO date; from the proposal).
    public var releaseDate: String
    /// The plan run whose proposal it was (`nil`: a plan of a data folder).
    public var planRun: Int?
    /// Who created it.
    public var createdBy: String
    /// When it was created (ISO 8601 UTC).
    public var createdAt: String
    /// Who changed a quantity last (empty: never changed).
    public var changedBy: String
    /// When a quantity was changed last (empty: never).
    public var changedAt: String
    /// Who gave the approval that made it approved (empty: not approved).
    public var approvedBy: String
    /// When it became approved (empty: not approved).
    public var approvedAt: String
    /// The reason of the last reject, cancel or quantity change.
    public var reason: String
    /// The supplier's confirmed date (empty: not confirmed, or confirmed without a date).
    public var confirmedDate: String
    /// Raised by every transition (for conditional updates).
    public var version: Int64
    /// The lines, by line number.
    public var lines: [PurchaseOrderLineRecord]
    /// Approvals given since the last change, in order.
    public var approvals: [PurchaseOrderFacts.Approval]
    /// Everyone who ever changed a quantity of it (from its history).
    public var changers: [String]

    /// The facts the workflow decides on.
    public var facts: PurchaseOrderFacts {
        PurchaseOrderFacts(
            orderID: poID, state: state, value: value, createdBy: createdBy, changedBy: Set(changers), approvals: approvals)
    }
}

/// One line of a stored purchase order.
public struct PurchaseOrderLineRecord: Sendable, Hashable {
    /// 1, 2, … within the order.
    public var line: Int
    /// The item.
    public var itemID: String
    /// Base units.
    public var quantity: Double
    /// The item's base unit.
    public var baseUOM: String
    /// Purchase units.
    public var purchaseQuantity: Double
    /// The supplier's unit.
    public var purchaseUOM: String
    /// Price per purchase unit.
    public var unitPrice: Double
    /// purchase quantity × unit price.
    public var value: Double
    /// Needed on (ISO date).
    public var dueDate: String
    /// Planned release date (ISO date).
    public var releaseDate: String
    /// Base units received so far.
    public var received: Double
    /// The requirement that created the line (`nil` for a line without one).
    public var requirement: ProposalLine.Requirement?
    /// The date the supplier confirmed for the line (ISO date; empty: none).
    public var confirmedDate: String = ""
    /// The quantity the supplier confirmed, base units (`nil`: none).
    public var confirmedQuantity: Double? = nil
}

/// One entry of an order's history: a decision or state change.
public struct PurchaseOrderEvent: Sendable, Hashable {
    /// The order.
    public var poID: String
    /// 1, 2, … within the order.
    public var seq: Int
    /// When (ISO 8601 UTC).
    public var at: String
    /// Who.
    public var actor: String
    /// `create`, `approve`, `reject`, `change_quantity`, `release`, …
    public var action: String
    /// The state before (empty for the creation).
    public var fromState: String
    /// The state after.
    public var toState: String
    /// The reason given (empty when none).
    public var reason: String
    /// What changed (`line 1: 12 → 10 BOX`, `level approver; finance still needed`).
    public var detail: String
}

/// What a call that creates or changes orders returned: the orders as they are now, and whether
/// the call was a replay of an earlier one with the same idempotency key (nothing changed then).
public struct PurchaseOrderResult: Sendable, Hashable {
    /// The orders created or changed (in order).
    public var orders: [PurchaseOrderRecord]
    /// Whether the idempotency key was used before for the same request.
    public var replayed: Bool
}
