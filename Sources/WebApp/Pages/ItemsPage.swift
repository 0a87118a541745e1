import Foundation
import Hummingbird
import InventoryCore

/// `/items`: search, filters (class, category, location, supplier, pattern), sort and pages.
struct ItemsPage {
    let state: WebState
    static let pageSize = 50

    func add(to router: Router<AppRequestContext>) {
        router.get("items", use: show)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireViewer()
        let view = state.plans.view
        let scope = Scope(principal: principal, view: view)
        let parameters = QueryParameters(request)
        let query = try ItemQuery(parameters)
        let rows = try query.rows(in: scope)
        let page = try parameters.integer("page", in: 1...1_000_000, default: 1)
        let start = (page - 1) * Self.pageSize
        let shown = rows.dropFirst(start).prefix(Self.pageSize)
        func link(page: Int) -> String {
            var parts: [String] = []
            for (name, value) in [
                ("q", query.text), ("abc", query.abc), ("xyz", query.xyz), ("category", query.category),
                ("location", query.location),
                ("supplier", query.supplier), ("pattern", query.pattern), ("sort", query.sort),
            ] {
                if let value { parts.append("\(name)=\(queryEscape(value))") }
            }
            parts.append("page=\(page)")
            return "/items?" + parts.joined(separator: "&")
        }
        func options(_ values: [String], selected: String?, all: String) -> [[String: Any]] {
            [["value": "", "label": all, "selected": selected == nil]]
                + values.map { ["value": $0, "label": $0, "selected": $0 == selected] }
        }
        let showClasses = !scope.isSupplier
        let tableRows = shown.map { r -> [String: Any] in
            let s = scope.summary(row: r)
            return [
                "item_id": s.itemId, "location_id": s.locationId, "description": s.description, "category": s.category,
                "abc_xyz": (s.abc ?? "") + (s.xyz ?? ""), "pattern": s.pattern,
                "annual_quantity": Format.number(s.annualQuantity),
                "annual_value": Format.money(s.annualValue ?? 0), "on_hand_value": Format.money(s.onHandValue ?? 0),
                "safety_stock": Format.number(s.safetyStock ?? 0), "reorder_point": Format.number(s.reorderPoint ?? 0),
                "on_hand": Format.number(s.onHand), "show_classes": showClasses,
            ]
        }
        let sortLabels = [
            "item_id": "Item id", "-item_id": "Item id, descending", "annual_value": "Annual value, ascending",
            "-annual_value": "Annual value, descending", "on_hand_value": "On hand value, ascending",
            "-on_hand_value": "On hand value, descending", "annual_quantity": "Annual quantity, ascending",
            "-annual_quantity": "Annual quantity, descending",
        ]
        let sorts = ItemQuery.sorts.filter { showClasses || !$0.contains("value") }
        let scopedCategories = Set(scope.rows.map { view.snapshot.items[view.rows[$0].item].category })
        let values: [String: Any] = [
            "q": query.text ?? "", "show_classes": showClasses, "rows": tableRows, "total": rows.count,
            "total_text": Format.count(rows.count), "from": Format.count(min(rows.count, start + 1)),
            "to": Format.count(start + shown.count),
            "abc_options": options(["A", "B", "C"], selected: query.abc, all: "any"),
            "xyz_options": options(["X", "Y", "Z"], selected: query.xyz, all: "any"),
            "category_options": options(view.categories.filter(scopedCategories.contains), selected: query.category, all: "any"),
            "location_options": options(view.snapshot.locations.map(\.id), selected: query.location, all: "any"),
            "supplier_options": options(view.snapshot.suppliers.map(\.id), selected: query.supplier, all: "any"),
            "sort_options": sorts.map { ["value": $0, "label": sortLabels[$0] ?? $0, "selected": $0 == query.sort] },
            "previous": page > 1 ? link(page: page - 1) : false,
            "next": start + shown.count < rows.count ? link(page: page + 1) : false,
        ]
        return state.pages.page("items", title: "Items", principal: principal, values: values)
    }
}
