public import InventoryCore
import Workflow

/// The deviation report of the emergency procurement protocol (`procura emergency report`, `GET
/// /api/v1/emergency-buys/deviation-report`, the page `/emergency/report`): each emergency buy,
/// its cost above the normal buy (``Workflow/EmergencyDeviationCost``: Δ = pₑ·qₑ − pₙ·Q = (pₑ − pₙ)·qₑ
/// + pₙ·(qₑ − Q)) and whether its incident was closed.
public struct DeviationReport: Sendable, Hashable, Encodable {
    /// One buy.
    public struct Row: Sendable, Hashable, Encodable {
        public var buyId: String
        public var state: String
        public var incidentId: String
        public var incidentClosed: Bool
        public var incidentClosedAt: String
        public var itemId: String
        public var locationId: String
        public var supplierId: String
        public var normalSupplierId: String
        public var quantity: Double
        public var policyQuantity: Double
        public var unitPrice: Double
        public var normalUnitPrice: Double
        public var emergencyCost: Double
        public var normalCost: Double
        public var pricePremium: Double
        public var quantityExcess: Double
        public var costAboveNormal: Double
        public var deviations: [String]
        public var reason: String
        public var poId: String
    }

    /// The buys, oldest first.
    public var buys: [Row]
    /// Σ cost above normal.
    public var totalAboveNormal: Double
    /// Buys whose incident is still open.
    public var openIncidents: Int

    /// The report of `buys`.
    public init(_ buys: [EmergencyBuyRecord]) {
        self.buys = buys.map { b in
            let c = b.cost
            return Row(
                buyId: b.buyId, state: b.state, incidentId: b.incidentId, incidentClosed: !b.incidentClosedAt.isEmpty,
                incidentClosedAt: b.incidentClosedAt, itemId: b.itemId, locationId: b.locationId, supplierId: b.supplierId,
                normalSupplierId: b.normalSupplierId, quantity: b.quantity, policyQuantity: b.policyQuantity,
                unitPrice: b.unitPrice, normalUnitPrice: b.normalUnitPrice, emergencyCost: c.emergencyCost,
                normalCost: c.normalCost, pricePremium: c.pricePremium, quantityExcess: c.quantityExcess,
                costAboveNormal: c.costAboveNormal, deviations: b.deviations, reason: b.reason, poId: b.poId)
        }
        totalAboveNormal = self.buys.reduce(0) { $0 + $1.costAboveNormal }
        openIncidents = self.buys.filter { !$0.incidentClosed }.count
    }

    /// The CSV columns, in order.
    public static let columns = [
        "buy_id", "state", "incident_id", "incident_closed", "item_id", "location_id", "supplier_id", "normal_supplier_id",
        "quantity", "policy_quantity", "unit_price", "normal_unit_price", "emergency_cost", "normal_cost", "price_premium",
        "quantity_excess", "cost_above_normal", "deviations", "po_id",
    ]

    /// The rows as text in ``columns`` order (numbers in their shortest exact form).
    public var rows: [[String]] {
        func n(_ x: Double) -> String { JSONValue.text(of: x) }
        return buys.map { r in
            [
                r.buyId, r.state, r.incidentId, r.incidentClosed ? "yes" : "no", r.itemId, r.locationId, r.supplierId,
                r.normalSupplierId, n(r.quantity), n(r.policyQuantity), n(r.unitPrice), n(r.normalUnitPrice),
                n(r.emergencyCost), n(r.normalCost), n(r.pricePremium), n(r.quantityExcess), n(r.costAboveNormal),
                r.deviations.joined(separator: " "), r.poId,
            ]
        }
    }

    /// RFC 4180 CSV with the header.
    public var csv: String {
        func field(_ s: String) -> String {
            s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + s.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\"" : s
        }
        var out = Self.columns.joined(separator: ",") + "\n"
        for row in rows { out += row.map(field).joined(separator: ",") + "\n" }
        return out
    }
}
