public import InventoryCore

/// The redundancy plans of the vital item-locations (docs/risk.md, "Redundancy plans"): every
/// item-location of criticality V on the supply-risk list (``SupplyRiskReport``: single source or
/// long lead) beside the plan a planner stored for it, with
///
/// - second source: `qualified` when sourcing.csv names another supplier for the item-location,
///   else `qualifying` while the planner's "qualifying until" day has not passed, else `none`;
/// - recommended buffer: the exposure's extra buffer; the agreed one is the planner's;
/// - substitute: the planner's item, else the item's successor stocked at the location from
///   another supplier (the exposure's substitute);
/// - alerts: a vital item-location without a plan (`no_plan`), a review date before `today`
///   (`review_overdue`), an owner who is disabled (`owner_disabled`) or not a user (`owner_missing`).
///
/// The matrix counts every listed item-location per VED × supply-risk cell, with how many have a plan.
public enum RedundancyPlanReport {
    /// Joins `risk` with the stored `plans`; `owners` maps user names to whether they are active.
    public static func run(
        risk: SupplyRiskDocument, plans: [RedundancyPlan], owners: [String: Bool], today: Day
    ) -> RedundancyPlanDocument {
        var stored: [String: RedundancyPlan] = [:]
        for plan in plans { stored[key(plan.itemId, plan.locationId)] = plan }
        var lines: [RedundancyPlanDocument.Line] = []
        var listed = Set<String>()
        for l in risk.lines where l.criticality == "V" {
            let k = key(l.itemId, l.locationId)
            listed.insert(k)
            lines.append(
                line(
                    plan: stored[k], itemId: l.itemId, locationId: l.locationId, category: l.category, onList: true,
                    supplyRisk: l.supplyRisk, suppliers: l.suppliers, single: l.singleSource, exposed: l.exposed,
                    valueAtRisk: l.valueAtRisk, recommended: l.extraBuffer, successor: l.substituteItemId, owners: owners,
                    today: today))
        }
        for plan in plans.sorted(by: { ($0.itemId, $0.locationId) < ($1.itemId, $1.locationId) })
        where !listed.contains(key(plan.itemId, plan.locationId)) {
            lines.append(
                line(
                    plan: plan, itemId: plan.itemId, locationId: plan.locationId, category: "", onList: false, supplyRisk: "",
                    suppliers: [], single: false, exposed: false, valueAtRisk: 0, recommended: 0, successor: nil,
                    owners: owners, today: today))
        }
        var alerts: [RedundancyPlanDocument.Alert] = []
        for kind in ["no_plan", "review_overdue", "owner_disabled", "owner_missing"] {
            for l in lines where l.alerts.contains(kind) {
                alerts.append(
                    .init(
                        kind: kind, itemId: l.itemId, locationId: l.locationId,
                        message: message(kind, l, today: today)))
            }
        }
        var cells: [String: RedundancyPlanDocument.Cell] = [:]
        let names = ["V", "E", "D"].flatMap { c in ["high", "low"].map { "\(c)/\($0)" } }
        for name in names { cells[name] = .init(name: name, itemLocations: 0, exposed: 0, withPlan: 0, coverage: nil) }
        for l in risk.lines {
            let name = "\(l.criticality)/\(l.supplyRisk)"
            var cell = cells[name] ?? .init(name: name, itemLocations: 0, exposed: 0, withPlan: 0, coverage: nil)
            cell.itemLocations += 1
            if l.exposed { cell.exposed += 1 }
            if stored[key(l.itemId, l.locationId)] != nil { cell.withPlan += 1 }
            cell.coverage = Double(cell.withPlan) / Double(cell.itemLocations)
            cells[name] = cell
        }
        let vital = lines.filter(\.onRiskList)
        return RedundancyPlanDocument(
            asOf: risk.asOf, today: today.description, vitalItemLocations: vital.count,
            withPlan: vital.filter(\.hasPlan).count, alerts: alerts,
            matrix: names.compactMap { cells[$0] } + cells.keys.filter { !names.contains($0) }.sorted().compactMap { cells[$0] },
            lines: lines)
    }

    static func key(_ item: String, _ location: String) -> String { item + "\u{1F}" + location }

    static func line(
        plan: RedundancyPlan?, itemId: String, locationId: String, category: String, onList: Bool, supplyRisk: String,
        suppliers: [String], single: Bool, exposed: Bool, valueAtRisk: Double, recommended: Double, successor: String?,
        owners: [String: Bool], today: Day
    ) -> RedundancyPlanDocument.Line {
        let secondSource: String
        if onList && !single {
            secondSource = "qualified"
        } else if let until = plan?.qualifyingUntil, until >= today {
            secondSource = "qualifying"
        } else {
            secondSource = "none"
        }
        let substitute = plan?.substituteItemId ?? successor
        let ownerStatus = plan.map { p in owners[p.owner].map { $0 ? "active" : "disabled" } ?? "missing" }
        let overdue = plan.map { $0.reviewDate < today } ?? false
        var alerts: [String] = []
        if plan == nil { alerts.append("no_plan") }
        if overdue { alerts.append("review_overdue") }
        if ownerStatus == "disabled" { alerts.append("owner_disabled") }
        if ownerStatus == "missing" { alerts.append("owner_missing") }
        return RedundancyPlanDocument.Line(
            itemId: itemId, locationId: locationId, category: category, onRiskList: onList, supplyRisk: supplyRisk,
            suppliers: suppliers, exposed: exposed, valueAtRisk: valueAtRisk, secondSource: secondSource,
            qualifyingUntil: plan?.qualifyingUntil?.description, recommendedBuffer: recommended,
            agreedBuffer: plan?.agreedBuffer, substituteItemId: substitute,
            substituteSource: plan?.substituteItemId != nil ? "entered" : (successor != nil ? "successor" : nil),
            hasPlan: plan != nil, owner: plan?.owner, ownerStatus: ownerStatus, reviewDate: plan?.reviewDate.description,
            reviewOverdue: overdue, notes: plan?.notes, version: plan?.version, updatedAt: plan?.updatedAt,
            updatedBy: plan?.updatedBy, alerts: alerts)
    }

    static func message(_ kind: String, _ l: RedundancyPlanDocument.Line, today: Day) -> String {
        let at = "\(l.itemId) at \(l.locationId)"
        switch kind {
        case "no_plan":
            let sources = l.suppliers.count == 1 ? "single source \(l.suppliers[0])" : "long lead"
            return "\(at): vital, \(sources)\(l.exposed ? ", exposed" : "") — no redundancy plan"
        case "review_overdue": return "\(at): review date \(l.reviewDate ?? "") has passed (today \(today))"
        case "owner_disabled": return "\(at): owner '\(l.owner ?? "")' is disabled — name another owner"
        default: return "\(at): owner '\(l.owner ?? "")' is not a user — name another owner"
        }
    }
}
