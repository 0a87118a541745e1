import Foundation
import Hummingbird
import InventoryCore
import Planning
import Storage
import Workflow

/// The page `/vmi`: each agreed item-location as its supplier sees it, the KPIs of a month
/// (`?month=YYYY-MM`, default this month) with their breaches, the month's liability statement
/// (with its CSV download) and a form to upload `replenishments.csv` (`POST /vmi/replenish`) — the
/// same store calls as ``VMIOperationsEndpoints``. A supplier user sees only its own.
struct VMIOperationsPage {
    let state: WebState

    func add(to pages: Router<AppRequestContext>) {
        pages.get("vmi", use: page)
        pages.post("vmi/replenish", use: replenishForm)
    }

    static func number(_ x: Double) -> String { VMIAgreementPages.number((x * 100).rounded() / 100) }
    static func percent(_ x: Double?) -> String { x.map(VMIAgreementPages.percent) ?? "–" }
    static func cents(_ c: Int64) -> String { FixedPoint.text(c, scale: 100) }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireViewer()
        let query = QueryParameters(request)
        let month =
            try VMIOperationsEndpoints.month(request, required: false) ?? VMIOperations.monthText(state.store.clock.today())
        let snapshot = try await state.latest.snapshot(state.store)
        let items = try await state.store.vmiItems(visibleTo: principal.subject, snapshot: snapshot)
        let kpis = try await state.store.vmiKPIs(visibleTo: principal.subject, month: month, snapshot: snapshot)
        let statements = try await state.store.vmiStatements(visibleTo: principal.subject, month: month, snapshot: snapshot)
        var values: [String: Any] = [
            "month": month,
            "can_replenish": principal.csrfToken != nil && (principal.role.isSupplierScoped || principal.allows(.postLedger)),
            "items": items.map { i -> [String: Any] in
                [
                    "agreement_id": i.agreementId, "supplier_id": i.supplierId, "item_id": i.itemId, "location_id": i.locationId,
                    "supplier_on_hand": Self.number(i.onHandSupplier), "our_on_hand": Self.number(i.onHandOurs),
                    "band": "\(Self.number(i.bandMinUnits))–\(Self.number(i.bandMaxUnits))", "review_days": i.reviewDays,
                    "consumption": i.consumption.map { Self.number($0.units) }.joined(separator: " · "),
                    "last_replenishment": i.lastReplenishment ?? "–",
                ]
            },
            "kpis": kpis.map { k -> [String: Any] in
                [
                    "agreement_id": k.agreementId, "supplier_id": k.supplierId,
                    "period": k.periodKind == "month" ? "month \(k.period)" : "review \(k.firstDay) – \(k.lastDay)",
                    "in_band": Self.percent(k.inBandShare), "stockout_days": k.stockoutDays,
                    "fill_rate": Self.percent(k.fillRate),
                    "replenishments": k.replenishments, "on_time": Self.percent(k.onTimeShare),
                    "breaches": k.breaches.isEmpty ? "–" : k.breaches.joined(separator: ", "), "breached": !k.breaches.isEmpty,
                ]
            },
            "statements": statements.map { s -> [String: Any] in
                [
                    "supplier_id": s.supplierId, "value": Self.cents(s.valueCents),
                    "supplier_carries": Self.cents(s.supplierCents),
                    "we_carry": Self.cents(s.customerCents),
                    "lines": s.lines.map { l -> [String: Any] in
                        [
                            "agreement_id": l.agreementId, "item_id": l.itemId, "location_id": l.locationId, "lot_id": l.lotId,
                            "expiry_date": l.expiryDate ?? "–",
                            "reason": l.reason == "near_expiry" ? "near expiry" : "slow-moving",
                            "quantity": Self.number(l.quantity), "value": Self.cents(l.valueCents),
                            "supplier_carries": Self.cents(l.supplierCents), "we_carry": Self.cents(l.customerCents),
                        ]
                    },
                ]
            },
            "slow_moving_days": VMILiabilityStatement.defaultSlowMovingDays,
        ]
        if let message = query.string("message") { values["message"] = message }
        if let error = query.string("error") { values["error"] = error }
        return state.pages.page("vmi", title: "VMI operations", principal: principal, values: values)
    }

    /// `replenishments` (the text of `replenishments.csv`).
    @Sendable func replenishForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireViewer()
        let form = try await FormData.read(request, context: context)
        try form.requireCSRF(principal)
        do {
            let results = try await state.store.vmiReplenish(csv: form["replenishments"] ?? "", by: principal.subject)
            let body = VMIOperationsEndpoints.uploaded(results)
            let message = "posted \(body.posted) replenishment(s); \(body.replayed) posted before (nothing new)"
            return .seeOther("/vmi?message=\(queryEscape(message))")
        } catch {
            guard let message = VMIAgreementPages.refusal(error) else { throw error }
            return .seeOther("/vmi?error=\(queryEscape(message))")
        }
    }
}
