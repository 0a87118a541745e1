import Foundation
import Hummingbird
import InventoryCore
import Planning
import Storage
import Workflow

/// Purchase orders: `GET /api/v1/purchase-orders[?state=&supplier_id=&limit=&cursor=]`, `POST /api/v1/purchase-orders`
/// (the current plan's proposals saved as proposed orders), `GET /api/v1/purchase-orders/{po_id}`,
/// `GET …/{po_id}/approval` (what it still needs, whether the caller may approve it now),
/// and the decisions `POST …/{po_id}/approve|reject|change-quantity|release|confirm|receive|close|cancel` — each with an
/// `Idempotency-Key` (``IdempotencyKey``), each calling ``Storage/Store/decidePurchaseOrders(_:key:)``, whose
/// workflow (``Workflow/PurchaseOrderWorkflow``) decides permission, state, reason, segregation of
/// duties and approval authority. Who sees planning data may list and read orders; suppliers get
/// 403 (orders carry other suppliers' prices in the list). The page is ``PurchaseOrderPages``.
struct PurchaseOrderEndpoints {
    let state: WebState

    static let states = PurchaseOrderState.lifecycleOrder.map(\.rawValue)

    func add(api: RouterGroup<AppRequestContext>, pages: Router<AppRequestContext>) {
        api.get("purchase-orders", use: list)
        api.post("purchase-orders", use: create)
        api.post("purchase-orders/import", use: PurchaseOrderImportEndpoints(state: state).api)
        api.post("purchase-orders/manual", use: ManualOrderEndpoints(state: state).api)
        api.get("purchase-orders/:po_id", use: show)
        api.get("purchase-orders/:po_id/approval", use: approval)
        for (path, action) in [
            ("approve", PurchaseOrderAction.approve), ("reject", .reject), ("change-quantity", .changeQuantity),
            ("release", .release), ("confirm", .confirm), ("receive", .receive), ("close", .close), ("cancel", .cancel),
        ] {
            api.post("purchase-orders/:po_id/\(path)") { request, context in
                try await decide(action, request: request, context: context)
            }
        }
        PurchaseOrderPages(state: state).add(to: pages)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        let query = QueryParameters(request)
        let filter = try query.oneOf("state", Self.states).flatMap(PurchaseOrderState.init(rawValue:))
        let limit = try query.limit()
        let offset = try query.offsetCursor()
        let supplier = query.string("supplier_id")
        let total = try await state.store.purchaseOrderCount(state: filter, supplierID: supplier)
        let orders = try await state.store.purchaseOrders(state: filter, supplierID: supplier, limit: limit, offset: offset)
        let page = try ListBudget.fit(orders, budget: state.configuration.listByteBudget)
        let next = offset + page.count < total ? String(offset + page.count) : nil
        return try JSONResponse.encode(PurchaseOrderPage(purchaseOrders: page, total: total, nextCursor: next))
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        let id = try context.parameters.require("po_id")
        guard let order = try await state.store.purchaseOrder(id: id) else { throw Problem.notFound("no purchase order '\(id)'") }
        return try JSONResponse.encode(
            PurchaseOrderDetail(purchaseOrder: order, history: try await state.store.purchaseOrderHistory(id: id)))
    }

    /// What the order still needs and whether the caller may approve it now.
    @Sendable func approval(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let id = try context.parameters.require("po_id")
        return try JSONResponse.encode(try await state.store.approvalOutlook(id: id, for: principal.subject))
    }

    /// Saves the proposals of the current plan (as `GET /api/v1/proposals` shows them).
    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let key = try IdempotencyKey(request)
        return try await state.idempotency.run(key) {
            // A key used before returns its orders: the proposals are netted against them now.
            if let replay = try await state.store.savedProposals(key: key.value) {
                let page = PurchaseOrderPage(purchaseOrders: replay.orders, total: replay.orders.count, nextCursor: nil)
                return try JSONResponse.encode(page, status: .ok, headers: [.idempotentReplayed: "true"])
            }
            let plan = try await ProposalEndpoints(state: state).plan()
            let result = try await state.store.createPurchaseOrders(
                plan.proposals, currency: plan.currency, planRun: plan.runNumber, key: key.value, by: principal.subject)
            let page = PurchaseOrderPage(purchaseOrders: result.orders, total: result.orders.count, nextCursor: nil)
            if result.replayed { return try JSONResponse.encode(page, status: .ok, headers: [.idempotentReplayed: "true"]) }
            return try JSONResponse.encode(page, status: .created)
        }
    }

    func decide(_ action: PurchaseOrderAction, request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let id = try context.parameters.require("po_id")
        let key = try IdempotencyKey(request)
        return try await state.idempotency.run(key) {
            let body = try await Self.body(request, context: context)
            var decision = PurchaseOrderDecisionRequest(
                poID: id, action: action, principal: principal.subject, reason: body.reason ?? "", line: body.line,
                purchaseQuantity: body.quantity)
            if let text = body.confirmedDate {
                guard let day = Day(iso: text) else {
                    throw Problem.unprocessable("confirmed_date must be YYYY-MM-DD, got '\(text)'", code: "invalid_date")
                }
                decision.confirmedDate = day
            }
            if action == .receive, let lines = body.lines, !lines.isEmpty {
                decision.action = .receivePartially
                for received in lines {
                    guard decision.receipts[received.line] == nil else {
                        throw Problem.unprocessable("line \(received.line) is named twice in lines", code: "invalid_quantity")
                    }
                    decision.receipts[received.line] = received.quantity
                }
            }
            let result = try await state.store.decidePurchaseOrders([decision], key: key.value)
            guard let order = result.orders.first else { throw Problem.notFound("no purchase order '\(id)'") }
            return try JSONResponse.encode(order, headers: result.replayed ? [.idempotentReplayed: "true"] : [:])
        }
    }

    /// The optional JSON body of a decision (`{}` or none for approve and release).
    static func body(_ request: Request, context: AppRequestContext) async throws -> DecisionBody {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        guard buffer.readableBytes > 0 else { return DecisionBody() }
        return try JSONResponse.decode(DecisionBody.self, from: buffer)
    }
}

/// What a decision may carry: `reason` (reject, cancel, change-quantity), `line` and `quantity`
/// (change-quantity), `confirmed_date` (confirm), `lines` of `{line, quantity}` in base units
/// (receive: those lines in part; without: every line in full).
struct DecisionBody: Decodable {
    var reason: String?
    var line: Int?
    var quantity: Double?
    var confirmedDate: String?
    var lines: [ReceivedLine]?

    struct ReceivedLine: Decodable {
        var line: Int
        var quantity: Double
    }
}

/// `{"purchase_orders": [...], "total": n, "next_cursor": "50" | null}`.
struct PurchaseOrderPage: Encodable {
    var purchaseOrders: [PurchaseOrderRecord]
    var total: Int
    var nextCursor: String?

    enum CodingKeys: String, CodingKey { case purchaseOrders, total, nextCursor }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(purchaseOrders, forKey: .purchaseOrders)
        try c.encode(total, forKey: .total)
        if let nextCursor { try c.encode(nextCursor, forKey: .nextCursor) } else { try c.encodeNil(forKey: .nextCursor) }
    }
}

/// One order with its history.
struct PurchaseOrderDetail: Encodable {
    var purchaseOrder: PurchaseOrderRecord
    var history: [PurchaseOrderEvent]
}
