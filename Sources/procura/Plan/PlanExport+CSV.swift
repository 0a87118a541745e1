import InventoryCore
import InventoryPolicy
import Planning

extension PlanExport {
    /// The columns of `policies.csv`, in order (documented in docs/policies.md).
    static let policyColumns = [
        "item_id", "location_id", "abc", "xyz", "pattern", "criticality", "lifecycle", "strategy", "service_measure",
        "service_level", "forecast_model", "demand_per_bucket", "sigma_per_bucket", "sigma_protection",
        "forecast_error_sigma", "lead_time_days", "lead_time_sd_days", "review_type", "review_period_days",
        "protection_buckets", "policy_type", "method", "safety_factor", "safety_stock", "reorder_point",
        "order_up_to_level", "order_quantity", "base_uom", "supplier_id", "purchase_uom", "units_per_purchase_uom",
        "order_quantity_purchase", "min", "max", "suppliers", "urgent_supplier_id", "emergency_level", "annual_cost",
        "annual_ordering_cost", "annual_freight_cost", "annual_holding_cost", "annual_purchase_cost",
        "average_inventory", "average_inventory_value", "on_hand", "on_hand_value", "computed_service_level",
        "computed_forecast_per_bucket", "computed_safety_stock", "computed_reorder_point", "computed_order_quantity",
        "computed_min", "computed_max", "overridden", "override_flagged", "overrides_ignored", "notes",
        "lead_time_basis", "proposed_safety_stock", "proposed_reorder_point", "proposed_order_up_to_level",
        "lead_time_drift",
    ]

    /// `policies.csv`: the header, then one row per item-location, handed to `sink` in pieces.
    func policiesCSV(into sink: (String) -> Void) async {
        var header = CSVOutput()
        header.row(Self.policyColumns)
        sink(header.text)
        await rendered(step: "writing policies.csv", into: sink) { export, r, text in
            var csv = CSVOutput()
            csv.row(export.policyFields(export.plan.rows[r], classification: export.plan.classification.rows[r]))
            text += csv.text
        }
    }

    /// One row of `policies.csv`.
    func policyFields(_ row: PlanRow, classification c: ItemLocationClassification) -> [String] {
        let p = row.policy
        let e = p.evaluation
        let safety = e.safetyStock
        let supply = e.supply
        let primary = supply.primary
        let f = p.final
        let none = p.policyType == .none
        func n(_ x: Double) -> String { NumberFormat.csv(x) }
        func optional(_ x: Double?) -> String { x.map(NumberFormat.csv) ?? "" }
        let splits = supply.allocations.map { a in
            "\(supplierID(a, of: row)):\(n(a.weight)):\(none ? "0" : n(a.orderQuantity))"
        }
        let urgent = supply.urgent
        return [
            itemID(row), locationID(row), c.abc.rawValue, c.xyz.rawValue, c.pattern.rawValue, c.criticality.rawValue,
            c.lifecycle.rawValue, c.strategy.rawValue, safety.measure.rawValue, n(f.serviceLevel), p.input.demand.model,
            n(f.forecastPerBucket), none ? "" : n(safety.sigmaPerBucket), none ? "" : n(safety.protectionStandardDeviation),
            optional(p.input.demand.oneStepErrorStandardDeviation), n(supply.leadTime.meanDays),
            n(supply.leadTime.standardDeviationDays), e.decision.reviewType.rawValue,
            e.decision.reviewType == .periodic ? n(f.reviewPeriodDays) : "", none ? "" : n(safety.protectionBuckets),
            p.policyType.rawValue, safety.method.rawValue, optional(safety.safetyFactor), n(f.safetyStock),
            n(f.reorderPoint), n(f.orderUpToLevel), n(f.orderQuantity), baseUOM(row), supplierID(primary, of: row),
            purchaseUOM(primary, of: row), n(primary.unitsPerPurchaseUnit), n(f.orderQuantity / primary.unitsPerPurchaseUnit),
            n(f.minimum), n(f.maximum), splits.count > 1 ? splits.joined(separator: ";") : "",
            urgent.map { u in row.policy.input.sources[u.source].supplierID } ?? "",
            optional(urgent?.emergencyLevel), n(p.cost.total), n(p.cost.ordering), n(p.cost.freight), n(p.cost.holding),
            n(p.cost.purchase), n(p.averageInventory), n(p.averageInventoryValue), n(row.onHand), n(row.onHandValue),
            n(p.computed.serviceLevel), n(p.computed.forecastPerBucket), n(p.computed.safetyStock),
            n(p.computed.reorderPoint), n(p.computed.orderQuantity), n(p.computed.minimum), n(p.computed.maximum),
            p.overrides.map(\.parameter.rawValue).joined(separator: ";"),
            p.overrides.filter(\.flagged).map(\.parameter.rawValue).joined(separator: ";"),
            p.ignoredOverrides.map { "\($0.override.parameter):\($0.reason.rawValue)" }.joined(separator: ";"),
            p.notes.codes.joined(separator: ";"),
            primary.source >= 0 ? row.policy.input.sources[primary.source].leadTimeBasis.code : "default",
            optional(p.leadTimeProposal?.proposed.safetyStock), optional(p.leadTimeProposal?.proposed.reorderPoint),
            optional(p.leadTimeProposal?.proposed.orderUpToLevel), p.leadTimeProposal?.reason ?? "",
        ]
    }
}
