import Foundation
import Hummingbird
import InventoryCore
import Storage
import Workflow

/// `/api/v1/positions`, `/api/v1/ledger/entries`, `POST /api/v1/ledger/postings`.
struct LedgerRoutes {
    let state: WebState

    func add(to group: RouterGroup<AppRequestContext>) {
        group.get("positions", use: positions)
        group.get("ledger/entries", use: entries)
        group.post("ledger/postings", use: post)
    }

    /// Stock positions (live from the database), paged; a supplier sees the positions of its items
    /// that are owned or its own consignment/VMI stock.
    @Sendable func positions(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireViewer()
        let query = QueryParameters(request)
        let limit = try query.limit()
        let offset = try query.offsetCursor()
        let item = query.string("item_id")
        let location = query.string("location_id")
        let owner = try query.oneOf("owner", ["owned", "consignment", "vmi"])
        let scope = Scope(principal: principal, view: state.plans.view)
        if scope.isSupplier, item == nil {
            // Without an item a supplier's positions are those of its item-locations.
            throw Problem.badRequest("suppliers ask for the positions of one item: add item_id", code: "item_required")
        }
        if let item, !scope.canSee(item: item) { throw Problem.notFound("no item '\(item)'") }
        var all = try await state.store.positions(itemID: item, locationID: location)
        all = all.filter { p in
            guard owner.map({ p.key.owner.rawValue == $0 }) ?? true, scope.canSee(ownerSupplierID: p.key.ownerSupplierID) else {
                return false
            }
            guard scope.isSupplier else { return true }
            return scope.view.row(item: p.key.itemID, location: p.key.locationID).map(scope.canSee(row:)) ?? false
        }
        let page = try ListBudget.fit(
            all.dropFirst(offset).prefix(limit).map(PositionResponse.init), budget: state.configuration.listByteBudget)
        let next = offset + page.count < all.count ? String(offset + page.count) : nil
        return try JSONResponse.encode(PositionPage(positions: page, total: all.count, nextCursor: next))
    }

    @Sendable func entries(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        let query = QueryParameters(request)
        let limit = try query.limit()
        let entries = try await state.store.ledgerEntries(
            itemID: query.string("item_id"), locationID: query.string("location_id"), limit: limit + 1,
            beforeID: try query.idCursor())
        let page = try ListBudget.fit(
            entries.prefix(limit).map(LedgerEntryResponse.init), budget: state.configuration.listByteBudget)
        let next = entries.count > page.count ? page.last.map { String($0.entryId) } : nil
        return try JSONResponse.encode(LedgerEntryPage(entries: page, nextCursor: next))
    }

    /// Posts one transaction. The `Idempotency-Key` header is the posting's key (``IdempotencyKey``):
    /// the same key again returns the original result (200, `Idempotent-Replayed: true`) and posts
    /// nothing; the same key with a different posting is 422; the same key while the first request
    /// is still in flight is 409.
    @Sendable func post(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.postLedger)
        let idempotencyKey = try IdempotencyKey(request)
        return try await state.idempotency.run(idempotencyKey) {
            try await post(request, context: context, principal: principal, key: idempotencyKey.value)
        }
    }

    private func post(_ request: Request, context: AppRequestContext, principal: Principal, key: String) async throws -> Response
    {
        let body = try await JSONResponse.decode(PostingBody.self, from: request, context: context)
        guard let type = PostingType(rawValue: body.type) else {
            throw Problem.unprocessable(
                "type '\(body.type)' is not a posting type — one of \(PostingType.allCases.map(\.rawValue).joined(separator: ", "))",
                code: "invalid_posting")
        }
        let today = state.store.clock.today()
        var date = today
        if let text = body.date {
            guard let day = Day(iso: text) else {
                throw Problem.unprocessable("date must be YYYY-MM-DD, got '\(text)'", code: "invalid_posting")
            }
            date = day
        }
        var owner: Ownership? = nil
        if let text = body.owner {
            guard let value = Ownership(rawValue: text) else {
                throw Problem.unprocessable("owner must be owned, consignment or vmi, got '\(text)'", code: "invalid_posting")
            }
            owner = value
        }
        let posting = PostingRequest(
            key: key, date: date, type: type, itemID: body.itemId, locationID: body.locationId, quantity: body.quantity,
            uom: body.uom,
            toLocationID: body.toLocationId, supplierID: body.supplierId, owner: owner, unitCost: body.unitCost,
            reason: body.reason ?? "",
            reference: body.reference ?? "", lotID: body.lotId ?? "")
        // The ledger rules check the rest (quantity, unit cost, lengths, date window: 422 naming the field).
        let result = try await state.store.post(posting, today: today)
        let response = PostingResponse(result)
        if result.replayed {
            return try JSONResponse.encode(response, status: .ok, headers: [.idempotentReplayed: "true"])
        }
        try await state.store.appendAudit(
            AuditEntry(
                actor: principal.userID, action: "ledger.post", subject: "ledger_entry:\(result.entryID)",
                detail: "\(type.rawValue) \(body.itemId)@\(body.locationId) key \(key)", after: try PlanRecorder.json(response)))
        return try JSONResponse.encode(
            response, status: .created, headers: [.location: "/api/v1/ledger/entries?item_id=\(body.itemId)"])
    }
}
