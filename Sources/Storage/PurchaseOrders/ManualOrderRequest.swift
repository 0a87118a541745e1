public import InventoryCore
public import Workflow

/// A purchase order a buyer raises by hand (``Store/createManualPurchaseOrder(_:key:)``): one line
/// of an item at a location from a supplier that has a sourcing rule for it.
public struct ManualOrderRequest: Sendable, Hashable {
    /// The supplier.
    public var supplierID: String
    /// The receiving location.
    public var locationID: String
    /// The item.
    public var itemID: String
    /// Quantity in the supplier's purchase unit (the sourcing rule's).
    public var purchaseQuantity: Double
    /// When it is needed; `nil`: today + the sourcing rule's lead time (rounded up).
    public var dueDate: Day?
    /// The buyer's reason to order although supply is coming (``Workflow/DuplicateOrderCheck``);
    /// empty: none.
    public var confirmDuplicate: String
    /// Who raises it (``Workflow/Permission/manageOrders``).
    public var principal: Authorization.Principal

    /// Creates a request.
    public init(
        supplierID: String, locationID: String, itemID: String, purchaseQuantity: Double, dueDate: Day? = nil,
        confirmDuplicate: String = "", principal: Authorization.Principal
    ) {
        self.supplierID = supplierID
        self.locationID = locationID
        self.itemID = itemID
        self.purchaseQuantity = purchaseQuantity
        self.dueDate = dueDate
        self.confirmDuplicate = confirmDuplicate
        self.principal = principal
    }

    /// The canonical text compared when an idempotency key is used again.
    var fingerprint: String {
        [
            "manual-v1", supplierID, locationID, itemID, JSONValue.text(of: purchaseQuantity), dueDate?.description ?? "",
            confirmDuplicate, principal.userID,
        ].joined(separator: "\u{1F}")
    }
}
