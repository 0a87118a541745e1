import Foundation
import Hummingbird
import InventoryCore
import Storage
import Workflow

/// The emergency procurement protocol: `GET|POST /api/v1/emergency-buys`, `POST
/// /api/v1/emergency-buys/{buy_id}/approve`, `POST /api/v1/incidents/{incident_id}/close`, `GET
/// /api/v1/emergency-buys/deviation-report[?format=csv]`; the pages `/emergency` (the buys, a form to
/// raise one, approve and close-incident forms) and `/emergency/report` (the deviation report). All
/// call the store's emergency functions (``Storage/Store/createEmergencyBuy(_:)`` …), whose rules are
/// ``Workflow/EmergencyBuyRules``. Who sees planning data reads; buyers and admins raise buys and
/// close incidents; only the named approver approves. Suppliers get 403.
struct EmergencyEndpoints {
    let state: WebState

    func add(api: RouterGroup<AppRequestContext>, pages: Router<AppRequestContext>) {
        api.get("emergency-buys", use: list)
        api.post("emergency-buys", use: create)
        api.get("emergency-buys/deviation-report", use: report)
        api.post("emergency-buys/:buy_id/approve", use: approve)
        api.post("incidents/:incident_id/close", use: closeIncident)
        pages.get("emergency", use: page)
        pages.get("emergency/report", use: reportPage)
        pages.post("emergency", use: createFromPage)
        pages.post("emergency/:buy_id/approve", use: approveFromPage)
        pages.post("emergency/close-incident", use: closeFromPage)
    }

    /// `{"item_id", "location_id", "supplier_id", "quantity", "unit_price"?, "deviations"?, "reason",
    /// "incident_id", "approver", "valid_hours"?, "confirm_duplicate"?}`.
    struct Body: Decodable {
        var itemId: String
        var locationId: String
        var supplierId: String
        var quantity: Double
        var unitPrice: Double?
        var deviations: [String]?
        var reason: String
        var incidentId: String
        var approver: String
        var validHours: Int?
        var confirmDuplicate: String?
    }

    struct BuyList: Encodable { var emergencyBuys: [EmergencyBuyRecord] }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        return try JSONResponse.encode(BuyList(emergencyBuys: try await state.store.emergencyBuys()))
    }

    static func request(_ b: Body, principal: Authorization.Principal) throws -> EmergencyBuyRequest {
        var deviations: [EmergencyDeviation] = []
        for d in b.deviations ?? [] {
            guard let deviation = EmergencyDeviation(rawValue: d) else {
                throw Problem.unprocessable(
                    "deviations '\(d)' — expected one of \(EmergencyDeviation.allCases.map(\.rawValue).joined(separator: ", "))",
                    code: "invalid_deviation")
            }
            deviations.append(deviation)
        }
        return EmergencyBuyRequest(
            itemID: b.itemId, locationID: b.locationId, supplierID: b.supplierId, quantity: b.quantity, unitPrice: b.unitPrice,
            deviations: deviations, reason: b.reason, incidentID: b.incidentId, approver: b.approver,
            validityHours: b.validHours ?? 24, confirmDuplicate: b.confirmDuplicate ?? "", principal: principal)
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let key = try IdempotencyKey(request)
        return try await state.idempotency.run(key) {
            let body = try await JSONResponse.decode(Body.self, from: request, context: context)
            let result = try await state.store.createEmergencyBuy(
                Self.request(body, principal: principal.subject), key: key.value)
            return try JSONResponse.encode(
                result.buy, status: result.replayed ? .ok : .created,
                headers: result.replayed ? [.idempotentReplayed: "true"] : [:])
        }
    }

    @Sendable func approve(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let id = try context.parameters.require("buy_id")
        let key = try IdempotencyKey(request)
        return try await state.idempotency.run(key) {
            let result = try await state.store.approveEmergencyBuy(id, by: principal.subject, key: key.value)
            return try JSONResponse.encode(result.buy, headers: result.replayed ? [.idempotentReplayed: "true"] : [:])
        }
    }

    @Sendable func closeIncident(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let incident = try context.parameters.require("incident_id")
        let key = try IdempotencyKey(request)
        return try await state.idempotency.run(key) {
            try JSONResponse.encode(BuyList(emergencyBuys: try await state.store.closeIncident(incident, by: principal.subject)))
        }
    }

    @Sendable func report(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        let format = try QueryParameters(request).oneOf("format", ["json", "csv"]) ?? "json"
        let report = DeviationReport(try await state.store.emergencyBuys())
        if format == "csv" {
            return Response(
                status: .ok, headers: [.contentType: "text/csv; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: report.csv)))
        }
        return try JSONResponse.encode(report)
    }

    // MARK: Pages

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await render(request, principal: try context.require(.viewPlanning))
    }

    func render(_ request: Request, principal: Principal, extra: [String: Any] = [:], status: HTTPResponse.Status = .ok)
        async throws -> Response
    {
        let session = principal.csrfToken != nil
        let buys = try await state.store.emergencyBuys()
        var values: [String: Any] = [
            "buys": buys.reversed().map { b -> [String: Any] in
                [
                    "buy_id": b.buyId, "state": b.state, "incident_id": b.incidentId, "item_id": b.itemId,
                    "location_id": b.locationId, "supplier_id": b.supplierId, "quantity": Format.number(b.quantity),
                    "unit_price": Format.number(b.unitPrice), "deviations": b.deviations.joined(separator: ", "),
                    "reason": b.reason, "requested_by": b.requestedBy, "approver": b.approver, "expires_at": b.expiresAt,
                    "po_id": b.poId, "incident_closed": !b.incidentClosedAt.isEmpty,
                    "can_approve": session && b.state == "requested" && b.approver == principal.userID,
                ]
            },
            "can_raise": session && PurchaseOrderWorkflow.permits(principal.subject, .release),
            "message": QueryParameters(request).string("message") ?? false,
        ]
        values.merge(extra) { _, new in new }
        return state.pages.page("emergency", title: "Emergency buys", principal: principal, values: values, status: status)
    }

    @Sendable func reportPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let report = DeviationReport(try await state.store.emergencyBuys())
        return state.pages.page(
            "deviation_report", title: "Deviation report", principal: principal,
            values: [
                "rows": report.buys.map { r -> [String: Any] in
                    [
                        "buy_id": r.buyId, "state": r.state, "incident_id": r.incidentId,
                        "incident_closed": r.incidentClosed ? "yes" : "no", "item_id": r.itemId, "location_id": r.locationId,
                        "supplier_id": r.supplierId, "normal_supplier_id": r.normalSupplierId,
                        "quantity": Format.number(r.quantity), "policy_quantity": Format.number(r.policyQuantity),
                        "unit_price": Format.number(r.unitPrice), "normal_unit_price": Format.number(r.normalUnitPrice),
                        "emergency_cost": Format.money(r.emergencyCost), "normal_cost": Format.money(r.normalCost),
                        "price_premium": Format.money(r.pricePremium), "quantity_excess": Format.money(r.quantityExcess),
                        "cost_above_normal": Format.money(r.costAboveNormal), "open": !r.incidentClosed,
                    ]
                },
                "total": Format.money(report.totalAboveNormal), "open_incidents": Format.count(report.openIncidents),
            ])
    }

    @Sendable func createFromPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let form = try await FormData.read(request, context: context)
        try form.requireCSRF(principal)
        guard let quantity = try PurchaseOrderPages.number(form["quantity"], "quantity") else {
            throw Problem.unprocessable("quantity '' — expected a number > 0", code: "invalid_quantity")
        }
        let price = try PurchaseOrderPages.number(form["unit_price"], "unit_price")
        let hours = try PurchaseOrderPages.number(form["valid_hours"], "valid_hours").map { Int(exactly: $0.rounded()) ?? -1 }
        let deviations = EmergencyDeviation.allCases.map(\.rawValue).filter { form["deviation_\($0)"] != nil }
        let body = Body(
            itemId: form["item_id"] ?? "", locationId: form["location_id"] ?? "", supplierId: form["supplier_id"] ?? "",
            quantity: quantity, unitPrice: price, deviations: deviations, reason: form["reason"] ?? "",
            incidentId: form["incident_id"] ?? "", approver: form["approver"] ?? "", validHours: hours,
            confirmDuplicate: form["confirm_duplicate"])
        do {
            let buy = try await state.store.createEmergencyBuy(Self.request(body, principal: principal.subject)).buy
            return .seeOther(
                "/emergency?message=\(queryEscape("\(buy.buyId) requested; \(buy.approver) approves until \(buy.expiresAt)"))")
        } catch let error as WorkflowError {
            return try await render(
                request, principal: principal, extra: ["has_error": true, "error": error.message],
                status: error.code == .alreadyComing ? .conflict : .unprocessableContent)
        }
    }

    @Sendable func approveFromPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let id = try context.parameters.require("buy_id")
        let form = try await FormData.read(request, context: context)
        try form.requireCSRF(principal)
        let buy = try await state.store.approveEmergencyBuy(id, by: principal.subject).buy
        return .seeOther("/emergency?message=\(queryEscape("\(buy.buyId) approved: purchase order \(buy.poId)"))")
    }

    @Sendable func closeFromPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let form = try await FormData.read(request, context: context)
        try form.requireCSRF(principal)
        let incident = form["incident_id"] ?? ""
        _ = try await state.store.closeIncident(incident, by: principal.subject)
        return .seeOther("/emergency?message=\(queryEscape("incident \(incident) closed"))")
    }
}
