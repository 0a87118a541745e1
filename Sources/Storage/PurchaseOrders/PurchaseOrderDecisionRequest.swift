public import InventoryCore
public import Workflow

/// One decision on one purchase order, as a front door asks it of ``Store/decidePurchaseOrders(_:key:)``.
public struct PurchaseOrderDecisionRequest: Sendable, Hashable {
    /// The order.
    public var poID: String
    /// What to do.
    public var action: PurchaseOrderAction
    /// Who asks (their role decides permission and approval authority).
    public var principal: Authorization.Principal
    /// Why (required for reject, cancel and change_quantity).
    public var reason: String
    /// For change_quantity: the line number.
    public var line: Int?
    /// For change_quantity: the line's new quantity in purchase units.
    public var purchaseQuantity: Double?
    /// For confirm: the supplier's confirmed date (optional).
    public var confirmedDate: Day?
    /// For receive_partially: base units received per line number.
    public var receipts: [Int: Double]

    /// Creates a request.
    public init(
        poID: String, action: PurchaseOrderAction, principal: Authorization.Principal, reason: String = "", line: Int? = nil,
        purchaseQuantity: Double? = nil, confirmedDate: Day? = nil, receipts: [Int: Double] = [:]
    ) {
        self.poID = poID
        self.action = action
        self.principal = principal
        self.reason = reason
        self.line = line
        self.purchaseQuantity = purchaseQuantity
        self.confirmedDate = confirmedDate
        self.receipts = receipts
    }

    /// The canonical text compared when an idempotency key is used again.
    var fingerprint: String {
        var fields = [
            "decide-v1", poID, action.rawValue, principal.userID, reason, line.map(String.init) ?? "",
            purchaseQuantity.map(JSONValue.text(of:)) ?? "", confirmedDate?.description ?? "",
        ]
        for (line, quantity) in receipts.sorted(by: { $0.key < $1.key }) {
            fields.append("\(line)=\(JSONValue.text(of: quantity))")
        }
        return fields.joined(separator: "\u{1F}")
    }
}
