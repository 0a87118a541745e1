import InventoryCore
import Storage

/// What a principal may see of the plan view: everything, or — for a supplier — the item-locations
/// the supplier has a sourcing rule for.
///
/// Anything outside a supplier's scope answers 404, exactly as if it did not exist, so ids of
/// other suppliers' items reveal nothing.
struct Scope {
    let principal: Principal
    let view: PlanView

    var isSupplier: Bool { !principal.seesEverything }

    /// Rows visible, in view order.
    var rows: [Int] {
        if principal.seesEverything { return Array(view.rows.indices) }
        guard let supplier = principal.supplierID else { return [] }
        return view.rowsBySupplier[supplier] ?? []
    }

    func canSee(row r: Int) -> Bool {
        if principal.seesEverything { return true }
        guard let supplier = principal.supplierID else { return false }
        return view.rows[r].suppliers.contains(supplier)
    }

    func canSee(item: String) -> Bool {
        if principal.seesEverything { return view.item(id: item) != nil }
        guard let supplier = principal.supplierID else { return false }
        return view.supplier(supplier, supplies: item)
    }

    /// Whether a supplier may see a position of this owner (owned stock and its own consignment/VMI).
    func canSee(ownerSupplierID: String) -> Bool {
        principal.seesEverything || ownerSupplierID.isEmpty || ownerSupplierID == principal.supplierID
    }

    /// The row of an item-location, or 404 when it does not exist or is out of scope.
    func row(item: String, location: String) throws -> Int {
        guard let r = view.row(item: item, location: location), canSee(row: r) else {
            throw Problem.notFound("no item-location \(item) at \(location) in the latest plan run")
        }
        return r
    }

    /// A summary of a row for lists (costs and classes only for those who see everything).
    func summary(row r: Int) -> ItemLocationSummary {
        let row = view.rows[r]
        let item = view.snapshot.items[row.item]
        let c = row.classification
        var s = ItemLocationSummary(
            itemId: row.itemID, locationId: row.locationID, description: item.description, category: item.category,
            baseUom: item.baseUOM, criticality: c.criticality, lifecycle: c.lifecycle, pattern: c.pattern,
            annualQuantity: c.annualQuantity, onHand: row.policy.onHand,
            suppliers: isSupplier ? row.suppliers.filter { $0 == principal.supplierID } : row.suppliers)
        if !isSupplier {
            s.abc = c.abc
            s.xyz = c.xyz
            s.strategy = c.strategy
            s.serviceLevel = c.serviceLevel
            s.unitCost = item.unitCost
            s.annualValue = c.annualValue
            s.onHandValue = row.policy.onHandValue
            s.policyType = row.policy.policyType
            s.safetyStock = row.policy.final.safetyStock
            s.reorderPoint = row.policy.final.reorderPoint
            s.flagged = row.policy.flagged
        }
        return s
    }
}
