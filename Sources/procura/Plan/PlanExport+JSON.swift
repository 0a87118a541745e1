import InventoryCore
import InventoryPolicy
import Planning

extension PlanExport {
    /// `explanations.jsonl`: one JSON object per item-location and line, handed to `sink` in pieces.
    func explanations(into sink: (String) -> Void) async {
        await rendered(step: "writing explanations.jsonl", into: sink) { export, r, text in
            text += export.explanationJSON(export.plan.rows[r]).compact
            text += "\n"
        }
    }

    /// The explanation of one row: keys, the rendered derivation, and the computed and final values.
    func explanationJSON(_ row: PlanRow) -> JSONValue {
        let p = row.policy
        let x = p.explanation
        return .object([
            ("item_id", .string(itemID(row))),
            ("location_id", .string(locationID(row))),
            ("summary", .string(x.summary)),
            ("policy", .string(x.policy)),
            ("policy_reason", .string(x.policyReason)),
            ("method", .string(x.method)),
            ("method_reason", .string(x.methodReason)),
            ("inputs", .object(x.inputs.map { ($0.name, .string($0.value)) })),
            (
                "steps",
                .array(
                    x.steps.map {
                        .object([
                            ("name", .string($0.name)), ("formula", .string($0.formula)), ("numbers", .string($0.numbers)),
                            ("result", .string($0.result)),
                        ])
                    })
            ),
            ("computed", values(p.computed)),
            ("final", values(p.final)),
            ("overrides", .array(x.overrides.map { .string($0) })),
            ("notes", .array(x.notes.map { .string($0) })),
        ])
    }

    func values(_ v: PolicyValues) -> JSONValue {
        .object(PolicyParameter.allCases.map { ($0.rawValue, .number(v[$0])) })
    }

    /// `summary.json`.
    func summaryJSON() -> JSONValue {
        let s = plan.summary
        func group(_ g: PlanSummary.Group) -> [(String, JSONValue)] {
            [
                ("item_locations", .integer(g.itemLocations)), ("with_policy", .integer(g.withPolicy)),
                ("cycle_stock_value", .number(g.cycleStockValue)), ("safety_stock_value", .number(g.safetyStockValue)),
                ("policy_value", .number(g.policyValue)), ("on_hand_value", .number(g.onHandValue)),
                ("difference", .number(g.difference)), ("annual_cost", .number(g.annualCost)),
                ("overridden", .integer(g.overridden)), ("flagged", .integer(g.flagged)),
            ]
        }
        return .object([
            ("as_of", .string(plan.asOf.isoString)),
            ("bucket", .string(plan.settings.bucket.rawValue)),
            ("currency", .string(plan.settings.currency)),
            ("estimator", .string(plan.estimator)),
            ("item_locations", .integer(plan.rows.count)),
            ("by_abc", .array(s.byABC.map { g in .object([("abc", .string(g.abc?.rawValue ?? ""))] + group(g)) })),
            ("total", .object(group(s.total))),
            ("unplanned_on_hand_value", .number(s.unplannedOnHandValue)),
            (
                "policy_types",
                .object(PolicyType.allCases.compactMap { t in s.policyTypes[t].map { (t.rawValue, .integer($0)) } })
            ),
            ("methods", .object(SafetyStockMethod.allCases.compactMap { m in s.methods[m].map { (m.rawValue, .integer($0)) } })),
            ("ignored_overrides", .integer(s.ignoredOverrides)),
            ("notes", .object(s.notes.keys.sorted().map { ($0, .integer(s.notes[$0] ?? 0)) })),
        ])
    }

    /// The short table on stdout: policy value against today's stock per class.
    func table() -> String {
        let s = plan.summary
        let currency = plan.settings.currency
        var out = "Plan as of \(plan.asOf.isoString): \(NumberFormat.grouped(Double(plan.rows.count))) item-locations, "
        out += "\(NumberFormat.grouped(Double(s.total.withPolicy))) with a stock policy (demand: \(plan.estimator))\n\n"
        var table = TextTable([
            ("class", .left), ("item-locations", .right), ("safety stock", .right), ("cycle stock", .right),
            ("policy value", .right), ("on hand today", .right), ("difference", .right),
        ])
        for g in s.byABC + [s.total] {
            table.append([
                g.abc?.rawValue ?? "total", NumberFormat.grouped(Double(g.itemLocations)),
                NumberFormat.grouped(g.safetyStockValue), NumberFormat.grouped(g.cycleStockValue),
                NumberFormat.grouped(g.policyValue), NumberFormat.grouped(g.onHandValue), NumberFormat.grouped(g.difference),
            ])
        }
        out += "Inventory value (\(currency)) implied by the policies (cycle stock Q/2 + safety stock) vs today\n"
        out += table.rendered
        if s.total.overridden > 0 || s.ignoredOverrides > 0 {
            out += "\nOverrides: \(s.total.overridden) item-location\(s.total.overridden == 1 ? "" : "s") overridden, "
            out += "\(s.total.flagged) flagged, \(s.ignoredOverrides) override\(s.ignoredOverrides == 1 ? "" : "s") ignored\n"
        }
        return out
    }
}
