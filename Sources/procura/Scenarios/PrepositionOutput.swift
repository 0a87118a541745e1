import Foundation
import Planning

/// How `procura preposition` prints ``Planning/PrepositionDocument``.
enum PrepositionOutput {
    static let columns = [
        "item_id", "from_location_id", "to_location_id", "region", "units", "value_moved", "transfer_cost",
        "receiver_target", "receiver_without", "receiver_with", "demand_served_protected", "donor_target", "donor_before",
        "donor_after",
    ]

    static func moves(_ d: PrepositionDocument, machine: Bool) -> RowReport {
        func n(_ x: Double) -> String {
            guard !x.isNaN else { return machine ? "" : "–" }
            return machine ? NumberFormat.csv(x) : NumberFormat.fixed(x, 1)
        }
        return RowReport(
            columns: columns, numeric: Set(4...13),
            rows: d.moves.map { m in
                [
                    m.itemId, m.fromLocationId, m.toLocationId, m.region, n(m.units), n(m.valueMoved), n(m.transferCost),
                    n(m.receiverTarget), n(m.receiverWithout), n(m.receiverWith), n(m.demandServedProtected),
                    n(m.donorTarget), n(m.donorBefore), n(m.donorAfter),
                ]
            })
    }

    static func table(_ d: PrepositionDocument) -> String {
        func percent(_ x: Double) -> String { x.isNaN ? "–" : NumberFormat.fixed(x * 100, 1) + " %" }
        func units(_ x: Double) -> String { x.isNaN ? "–" : NumberFormat.significant(x) }
        func money(_ x: Double) -> String { NumberFormat.fixed(x, 0) }
        var out = "Pre-positioning ahead of: \(d.scenario) — \(d.from) … \(d.to) (\(d.periods) \(d.period)s), "
        out += "\(d.replications == 1 ? "the history as it was" : "\(d.replications) replications, seed \(d.seed)"); "
        out +=
            "\(d.measure.replacingOccurrences(of: "_", with: " ")) within \(NumberFormat.fixed(d.tolerance * 100, 0)) points of target\n"
        for s in d.shocks { out += "  shock: \(s)\n" }
        out += "  cost: \(NumberFormat.significant(d.costPerMove)) \(d.currency) per move + "
        out += "\(NumberFormat.significant(d.transferCostRate * 100)) % of the value moved\n"
        out += "\(d.threatened) of \(d.itemLocations) item-locations hit by a supply shock: \(d.totals.needs) need stock, "
        out += "\(d.holdAlready) hold their target already, \(d.offTargetWithout) miss it even without the scenario"
        if d.notMeasured > 0 { out += ", \(d.notMeasured) whose service cannot be measured" }
        out += "\n"
        let t = d.totals
        out += "Moves: \(t.moves), \(units(t.units)) units, value \(money(t.value)) \(d.currency), "
        out += "cost \(money(t.cost)) \(d.currency); demand served protected \(units(t.demandServedProtected)) units; "
        out +=
            "needs covered \(t.covered), in part \(t.partlyCovered), not \(t.uncovered) (\(units(t.uncoveredUnits)) units uncovered)\n"
        var table = TextTable([
            ("item", .left), ("from", .left), ("to", .left), ("units", .right), ("value", .right), ("cost", .right),
            ("target", .right), ("without", .right), ("with", .right), ("served +", .right), ("donor after", .right),
        ])
        for m in d.moves.prefix(50) {
            table.append([
                m.itemId, m.fromLocationId, m.toLocationId, units(m.units), money(m.valueMoved), money(m.transferCost),
                percent(m.receiverTarget), percent(m.receiverWithout), percent(m.receiverWith),
                units(m.demandServedProtected), percent(m.donorAfter),
            ])
        }
        out += "\nMoves" + (d.moves.count > 50 ? " (the first 50 of \(d.moves.count); csv or json for all)" : "") + "\n"
        out += d.moves.isEmpty ? "none\n" : table.rendered
        let open = d.needs.filter { $0.status != "covered" }
        out += "\nNeeds not covered: \(open.count)\n"
        if open.isEmpty {
            out += "none\n"
        } else {
            var needs = TextTable([
                ("item", .left), ("location", .left), ("need", .right), ("covered", .right), ("status", .left),
                ("what then", .left),
            ])
            for n in open.prefix(50) {
                needs.append([
                    n.itemId, n.locationId, units(n.need), units(n.covered), n.status.replacingOccurrences(of: "_", with: " "),
                    n.note,
                ])
            }
            out += needs.rendered
        }
        var regions = TextTable([
            ("region", .left), ("needs", .right), ("covered", .right), ("moves", .right), ("units", .right),
            ("value", .right), ("cost", .right), ("served +", .right), ("uncovered units", .right),
        ])
        for r in d.regions {
            regions.append([
                r.region.isEmpty ? "(none)" : r.region, String(r.needs), String(r.covered), String(r.moves), units(r.units),
                money(r.value), money(r.cost), units(r.demandServedProtected), units(r.uncoveredUnits),
            ])
        }
        out += "\nPer region (of the receiving location)\n" + (d.regions.isEmpty ? "none\n" : regions.rendered)
        return out
    }
}
