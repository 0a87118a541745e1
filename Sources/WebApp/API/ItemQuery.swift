import Hummingbird
import InventoryCore
import Storage

/// The filters and sort of the item-location list (API and page): `q` (id or description
/// contains, case-insensitive), `abc`, `xyz`, `category`, `location`, `supplier`, `pattern`, and
/// `sort` (`item_id`, `annual_value`, `on_hand_value`, `annual_quantity`; `-` first for descending).
struct ItemQuery {
    static let sorts = [
        "item_id", "-item_id", "annual_value", "-annual_value", "on_hand_value", "-on_hand_value", "annual_quantity",
        "-annual_quantity",
    ]
    static let patterns = ["smooth", "erratic", "intermittent", "lumpy", "no_demand"]

    var text: String?
    var abc: String?
    var xyz: String?
    var category: String?
    var location: String?
    var supplier: String?
    var pattern: String?
    var sort: String = "item_id"

    init(_ query: QueryParameters) throws {
        text = query.string("q")
        abc = try query.oneOf("abc", ["A", "B", "C"])
        xyz = try query.oneOf("xyz", ["X", "Y", "Z"])
        category = query.string("category")
        location = query.string("location")
        supplier = query.string("supplier")
        pattern = try query.oneOf("pattern", Self.patterns)
        sort = try query.oneOf("sort", Self.sorts) ?? "item_id"
    }

    /// The rows that match, sorted. Suppliers may not filter or sort by value or class (that would
    /// reveal them): 403.
    func rows(in scope: Scope) throws -> [Int] {
        if scope.isSupplier {
            if abc != nil || xyz != nil { throw Problem.forbidden("suppliers cannot filter by class") }
            if sort.contains("value") { throw Problem.forbidden("suppliers cannot sort by value") }
            if let supplier, supplier != scope.principal.supplierID {
                throw Problem.forbidden("suppliers see only their own items")
            }
        }
        let view = scope.view
        let needle = text?.lowercased()
        var result = scope.rows.filter { r in
            let row = view.rows[r]
            let item = view.snapshot.items[row.item]
            if let abc, row.classification.abc != abc { return false }
            if let xyz, row.classification.xyz != xyz { return false }
            if let category, item.category != category { return false }
            if let location, row.locationID != location { return false }
            if let supplier, !row.suppliers.contains(supplier) { return false }
            if let pattern, row.classification.pattern != pattern { return false }
            if let needle, !row.itemID.lowercased().contains(needle), !item.description.lowercased().contains(needle) {
                return false
            }
            return true
        }
        let descending = sort.hasPrefix("-")
        let key = descending ? String(sort.dropFirst()) : sort
        func value(_ r: Int) -> Double {
            let row = view.rows[r]
            switch key {
            case "annual_value": return row.classification.annualValue
            case "on_hand_value": return row.policy.onHandValue
            case "annual_quantity": return row.classification.annualQuantity
            default: return 0
            }
        }
        if key == "item_id" {
            if descending { result.reverse() }  // rows are in (item, location) order already
        } else {
            result.sort { a, b in
                let (x, y) = (value(a), value(b))
                if x != y { return descending ? x > y : x < y }
                return a < b
            }
        }
        return result
    }
}
