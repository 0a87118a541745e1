import InventoryCore
import InventoryPolicy
import Storage
import Workflow

/// The tables of `procura disposition`.
enum DispositionRendering {
    static func money(_ cents: Int64) -> String { DispositionValuation.amountText(cents) }
    static func roles(_ roles: [Role]) -> String { roles.isEmpty ? "none" : roles.map(\.rawValue).joined(separator: ", ") }

    static func list(_ cases: [DispositionCase]) -> RowReport {
        RowReport(
            columns: [
                "case_id", "state", "item_id", "location_id", "lot_id", "quantity", "option", "value", "best", "spare",
                "signed", "missing", "created_by",
            ],
            numeric: [5, 7],
            rows: cases.map { c in
                [
                    c.caseID, c.state.rawValue, c.itemID, c.locationID, c.lotID, NumberFormat.csv(c.quantity),
                    c.option.rawValue, money(c.analysis.chosenCents), c.analysis.best.rawValue, c.spare ? "yes" : "no",
                    c.signOffs.map { "\($0.role.rawValue):\($0.userID)" }.joined(separator: " "),
                    c.missingRoles.map(\.rawValue).joined(separator: " "), c.createdBy,
                ]
            })
    }

    static func options(_ c: DispositionCase) -> RowReport {
        RowReport(
            columns: ["option", "net_value", "formula", "chosen", "best"], numeric: [1],
            rows: c.analysis.values.map { v in
                [
                    v.option.rawValue, money(v.netCents), v.formula, v.option == c.option ? "yes" : "",
                    v.option == c.analysis.best ? "yes" : "",
                ]
            })
    }

    static func show(_ c: DispositionCase, format: OutputFormat) throws -> String {
        switch format {
        case .json: return try JSONValueEncoder().encode(c).pretty + "\n"
        case .csv: return options(c).csv
        case .table: break
        }
        var out =
            "\(c.caseID) (\(c.state.rawValue)): \(c.option.label) of \(NumberFormat.csv(c.quantity)) of \(c.itemID) at \(c.locationID)"
        if !c.lotID.isEmpty { out += ", lot \(c.lotID)" }
        if !c.toLocationID.isEmpty { out += " to \(c.toLocationID)" }
        if !c.supplierID.isEmpty { out += " (supplier \(c.supplierID))" }
        out += ", value \(money(c.analysis.chosenCents)); best option: \(c.analysis.best.rawValue)\n"
        out += "created by \(c.createdBy) at \(c.createdAt)\(c.note.isEmpty ? "" : ": \(c.note)")\n"
        out += options(c).table
        out += "sign-off by \(roles(c.requiredRoles)); signed: "
        out += c.signOffs.isEmpty ? "none" : c.signOffs.map { "\($0.role.rawValue) (\($0.userID))" }.joined(separator: ", ")
        out += "; missing: \(roles(c.missingRoles))\n"
        if let npv = c.analysis.holdOrDispose {
            let r = c.analysis.holdOrDisposeInput?.discountRate ?? 0
            out +=
                "spare, hold or dispose: \(npv.decision.rawValue) — NPV hold \(money(DispositionValuation.cents(npv.npvHold))), dispose \(money(DispositionValuation.cents(npv.npvDispose))), difference \(money(DispositionValuation.cents(npv.npvDifferenceHoldMinusDispose))) at r = \(NumberFormat.csv(r)); break-even demand \(npv.breakEvenDemandRate.isNaN ? "none below 10^6" : NumberFormat.csv((npv.breakEvenDemandRate * 1000).rounded() / 1000)) a year\n"
            var table = TextTable([("discount_rate", .right), ("npv_hold", .right), ("difference", .right), ("decision", .left)])
            for p in npv.discountRateSensitivity {
                table.append([
                    NumberFormat.csv(p.discountRate), money(DispositionValuation.cents(p.npvHold)),
                    money(DispositionValuation.cents(p.npvDifferenceHoldMinusDispose)), p.decision.rawValue,
                ])
            }
            out += table.rendered
        }
        if !c.executedBy.isEmpty {
            out += "executed by \(c.executedBy) at \(c.executedAt): ledger \(c.entryKeys.joined(separator: ", "))\n"
        }
        if !c.closedBy.isEmpty { out += "closed by \(c.closedBy) at \(c.closedAt)\n" }
        if !c.cancelReason.isEmpty { out += "cancelled: \(c.cancelReason)\n" }
        return out
    }

    static func decided(_ c: DispositionCase, _ action: DispositionAction, by user: String) -> String {
        switch action {
        case .sign:
            let last = c.signOffs.first(where: { $0.userID == user }).map { "\($0.role.rawValue) by \($0.userID)" } ?? ""
            return
                "\(c.caseID) signed for \(last); \(c.state == .signed ? "every sign-off given — ready to execute" : "still needs \(roles(c.missingRoles))")\n"
        case .execute:
            return
                "\(c.caseID) executed by \(c.executedBy): \(c.option.label) posted to the ledger as \(c.entryKeys.joined(separator: ", "))\n"
        case .close: return "\(c.caseID) closed by \(c.closedBy)\n"
        case .cancel: return "\(c.caseID) cancelled: \(c.cancelReason)\n"
        }
    }
}
