import DataImport
import InventoryCore
import SQLKit
import Workflow

/// One run of ``Store/importPurchaseOrderUpdates(_:by:key:)`` inside its transaction: check every
/// row, then apply the confirmations, then post the receipts.
struct PurchaseOrderImport {
    let updates: [PurchaseOrderUpdate]
    let principal: Authorization.Principal
    let key: String
    let now: Timestamp
    let today: Day
    let db: any SQLDatabase

    /// The canonical text of the rows, compared when an idempotency key is used again.
    static func fingerprint(_ updates: [PurchaseOrderUpdate]) -> String {
        (["po-import-v1"]
            + updates.map { u in
                [
                    u.poID, String(u.line), u.itemID ?? "", u.confirmedDate?.description ?? "",
                    u.confirmedQuantity.map(JSONValue.text(of:)) ?? "", u.receiptID ?? "", u.receiptDate?.description ?? "",
                    u.receivedQuantity.map(JSONValue.text(of:)) ?? "",
                ].joined(separator: "\u{1F}")
            }).joined(separator: "\u{1E}")
    }

    /// Why `order`'s state takes no confirmation (``Workflow/PurchaseOrderConfirmation``), or `nil`.
    static func confirmationProblem(_ order: PurchaseOrderRecord) -> String? {
        do {
            _ = try PurchaseOrderConfirmation.kind(in: order.state, orderID: order.poID)
            return nil
        } catch let error as WorkflowError {
            return error.message
        } catch {
            return "\(error)"
        }
    }

    /// Base units of `itemID` still open on `order` (ordered less received, over its lines of the item).
    static func openQuantity(of itemID: String, in order: PurchaseOrderRecord) throws(StorageError) -> Int64 {
        var open: Int64 = 0
        for l in order.lines where l.itemID == itemID {
            open += try PurchaseOrderTransition.quantity(l.quantity) - PurchaseOrderTransition.quantity(l.received)
        }
        return open
    }

    /// Posts one receipt of the file; a refusal names the row and says nothing was imported.
    static func post(_ request: PostingRequest, _ writer: LedgerWriter, today: Day, position: String) async throws
        -> PostingResult
    {
        do {
            return try await writer.post(request, today: today)
        } catch let error as StorageError {
            throw StorageError(
                error.code == .idempotencyConflict ? .idempotencyConflict : .invalidImport,
                "\(position): receipt_id '\(request.key)' — \(error.message)\nnothing was imported")
        }
    }

    /// A confirmation to write: the line, its new date and base quantity (fixed point).
    private struct LineConfirmation {
        var line: Int
        var date: String
        var quantity: Int64?
    }

    mutating func apply() async throws -> PurchaseOrderImportResult {
        var ids: [String] = []
        for u in updates where !ids.contains(u.poID) { ids.append(u.poID) }
        var orders: [String: PurchaseOrderRecord] = [:]
        for order in try await PurchaseOrderRows.load(ids, db) { orders[order.poID] = order }
        let writer = LedgerWriter(db: db, recordedAt: now)
        var errors: [String] = []
        var confirmations: [String: [LineConfirmation]] = [:]
        var receiving: [String: Int64] = [:]  // po \u{1F} item → base units received by new receipts
        for u in updates {
            guard let order = orders[u.poID] else {
                errors.append("\(u.position): po_id '\(u.poID)' — no such purchase order (list them with procura po list)")
                continue
            }
            guard let line = order.lines.first(where: { $0.line == u.line }) else {
                errors.append("\(u.position): line '\(u.line)' — \(order.poID) has lines 1 to \(order.lines.count)")
                continue
            }
            if let item = u.itemID, item != line.itemID {
                errors.append(
                    "\(u.position): item_id '\(item)' — expected \(line.itemID), the item of \(order.poID) line \(line.line)")
                continue
            }
            if u.confirms {
                if let problem = Self.confirmationProblem(order) {
                    errors.append("\(u.position): \(problem)")
                } else {
                    var quantity: Int64? = nil
                    if let stored = line.confirmedQuantity { quantity = try PurchaseOrderTransition.quantity(stored) }
                    if let purchase = u.confirmedQuantity {
                        let ratio = line.purchaseQuantity > 0 ? line.quantity / line.purchaseQuantity : 1
                        quantity = try PurchaseOrderTransition.quantity(purchase * ratio)
                    }
                    confirmations[order.poID, default: []].append(
                        LineConfirmation(
                            line: line.line, date: u.confirmedDate?.description ?? line.confirmedDate, quantity: quantity))
                }
            }
            if let receiptID = u.receiptID, let received = u.receivedQuantity {
                if try await writer.entry(key: receiptID) != nil { continue }  // posted before: the ledger replays it
                guard PurchaseOrderReceiving.receiving.contains(order.state) else {
                    errors.append(
                        "\(u.position): receipt_id '\(receiptID)' — \(order.poID) is \(order.state.rawValue); expected an order released, confirmed or partially received"
                    )
                    continue
                }
                let slot = "\(order.poID)\u{1F}\(line.itemID)"
                let units = Result { () throws(StorageError) -> (open: Int64, received: Int64) in
                    (try Self.openQuantity(of: line.itemID, in: order), try PurchaseOrderTransition.quantity(received))
                }
                switch units {
                case .failure(let error):
                    errors.append("\(u.position): received_quantity — \(error.message)")
                case .success(let units):
                    let earlier = receiving[slot] ?? 0
                    let total = earlier + units.received
                    receiving[slot] = total
                    if total > units.open {
                        let left = FixedPointText.quantity(PurchaseOrderRows.quantity(units.open))
                        errors.append(
                            "\(u.position): received_quantity '\(FixedPointText.quantity(received))' — at most \(left) \(line.baseUOM) of \(line.itemID) remain open on \(order.poID)"
                                + (earlier > 0 ? " (less the file's earlier receipts)" : ""))
                    }
                }
            }
        }
        guard errors.isEmpty else {
            throw StorageError(.invalidImport, errors.joined(separator: "\n") + "\nnothing was imported")
        }
        var result = PurchaseOrderImportResult(key: key, orders: [], replayed: false)
        for id in ids {
            guard let order = orders[id], let lines = confirmations[id] else { continue }
            try await confirm(order, lines, &result)
        }
        for u in updates {
            guard let receiptID = u.receiptID, let date = u.receiptDate, let quantity = u.receivedQuantity,
                let order = orders[u.poID], let line = order.lines.first(where: { $0.line == u.line })
            else { continue }
            let request = PostingRequest(
                key: receiptID, date: date, type: .receipt, itemID: line.itemID, locationID: order.locationID,
                quantity: quantity, supplierID: order.supplierID, reason: "po import", reference: order.poID)
            let posted = try await Self.post(request, writer, today: today, position: u.position)
            if posted.replayed { result.receiptsReplayed += 1 } else { result.receiptsPosted += 1 }
        }
        result.orders = try await PurchaseOrderRows.load(ids, db)
        return result
    }

    /// Writes the changed confirmations of `order`'s lines, then the `confirm` transition (released)
    /// or a `confirm` event on the order as it stands (confirmed, partially received).
    private func confirm(
        _ order: PurchaseOrderRecord, _ confirmations: [LineConfirmation], _ result: inout PurchaseOrderImportResult
    )
        async throws
    {
        var changed: [String] = []
        var dates: [String] = order.lines.map(\.confirmedDate)
        for c in confirmations {
            guard let line = order.lines.first(where: { $0.line == c.line }) else { continue }
            let before: Int64? = try line.confirmedQuantity.map { try PurchaseOrderTransition.quantity($0) }
            if let k = order.lines.firstIndex(where: { $0.line == c.line }) { dates[k] = c.date }
            guard c.date != line.confirmedDate || c.quantity != before else {
                result.confirmationsUnchanged += 1
                continue
            }
            try await db.raw(
                """
                UPDATE purchase_order_lines SET confirmed_date = \(bind: c.date), confirmed_quantity = \(bind: c.quantity) \
                WHERE po_id = \(bind: order.poID) AND line = \(bind: c.line)
                """
            ).run()
            let quantity = c.quantity.map { "\(FixedPointText.quantity(PurchaseOrderRows.quantity($0))) \(line.baseUOM)" }
            changed.append(
                "line \(c.line): " + [c.date.isEmpty ? nil : "for \(c.date)", quantity].compactMap { $0 }.joined(separator: ", "))
            result.linesConfirmed += 1
        }
        let latest = dates.filter { !$0.isEmpty }.max() ?? ""
        let kind = try PurchaseOrderConfirmation.kind(in: order.state, orderID: order.poID)
        if kind == .transition {
            // Even a confirmation that changes no line confirms a released order.
            var request = PurchaseOrderDecisionRequest(poID: order.poID, action: .confirm, principal: principal)
            request.confirmedDate = Day(iso: latest)
            try await PurchaseOrderTransition(
                request: request, rules: ApprovalRules(thresholds: []), now: now.iso8601, today: today, db: db,
                source: (changed + ["import \(key)"]).joined(separator: "; ")
            ).apply()
            result.ordersConfirmed += 1
            return
        }
        guard !changed.isEmpty else { return }
        let updated = try await db.raw(
            """
            UPDATE purchase_orders SET confirmed_date = \(bind: latest), version = version + 1 \
            WHERE po_id = \(bind: order.poID) AND state = \(bind: order.state.rawValue) AND version = \(bind: order.version) RETURNING po_id
            """
        ).all()
        guard updated.count == 1 else {
            throw StorageError(
                .concurrentChange,
                "purchase order \(order.poID) was changed by someone else during the import — nothing was imported; import the file again"
            )
        }
        let detail = (changed + ["import \(key)"]).joined(separator: "; ")
        try await PurchaseOrderRows.event(
            order.poID, at: now.iso8601, actor: principal.userID, action: PurchaseOrderAction.confirm.rawValue,
            from: order.state.rawValue, to: order.state.rawValue, reason: "", detail: detail, db)
        let after = try await PurchaseOrderRows.load([order.poID], db).first
        try await Store.writeAudit(
            at: now.iso8601,
            AuditEntry(
                actor: principal.userID, action: "po.confirm", subject: "purchase_order:\(order.poID)",
                detail: "\(order.state.rawValue) → \(order.state.rawValue): \(detail)", before: order.auditJSON,
                after: after?.auditJSON ?? ""), db)
    }
}
