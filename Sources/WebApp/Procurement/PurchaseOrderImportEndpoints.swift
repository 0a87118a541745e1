import DataImport
import Foundation
import Hummingbird
import Storage
import Workflow

/// The ERP's confirmations and receipts: `POST /api/v1/purchase-orders/import` (the file as the
/// body — CSV, or JSON when the Content-Type says json — with an `Idempotency-Key`) and the page
/// form `POST /purchase-orders/import` (the file pasted into the form). Both read the rows with
/// DataImport's ``DataImport/PurchaseOrderUpdateFile`` (the reader of `procura po import`) and call
/// ``Storage/Store/importPurchaseOrderUpdates(_:by:key:)``: every row checked first, all or nothing.
/// Buyers and admins (``Workflow/Permission/manageOrders``) may; others get 403.
struct PurchaseOrderImportEndpoints {
    let state: WebState

    @Sendable func api(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let key = try IdempotencyKey(request)
        let json = request.headers[.contentType]?.lowercased().contains("json") ?? false
        return try await state.idempotency.run(key) {
            let buffer = try await request.body.collect(upTo: context.maxUploadSize)
            let text = String(decoding: buffer.readableBytesView, as: UTF8.self)
            let read = Result { () throws(CSVDocument.Failure) in
                try PurchaseOrderUpdateFile.read(text: text, name: "body", format: json ? .json : .csv)
            }
            let updates: [PurchaseOrderUpdate]
            switch read {
            case .success(let rows): updates = rows
            case .failure(let error): throw Problem.unprocessable(error.message, code: "invalid_import")
            }
            let result = try await state.store.importPurchaseOrderUpdates(updates, by: principal.subject, key: key.value)
            return try JSONResponse.encode(
                PurchaseOrderImportBody(result), headers: result.replayed ? [.idempotentReplayed: "true"] : [:])
        }
    }

    /// The page's form: `updates` (the file's text), `format` (csv or json).
    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let form = try await FormData.read(request, context: context)
        try form.requireCSRF(principal)
        let text = form["updates"] ?? ""
        guard let format = PurchaseOrderUpdateFile.Format(rawValue: form["format"] ?? "csv") else {
            return try await failed(
                "format '\(form["format"] ?? "")' — expected csv or json", text: text, request: request, principal: principal)
        }
        let message: String
        do {
            let updates = try PurchaseOrderUpdateFile.read(text: text, name: "import", format: format)
            message = try await state.store.importPurchaseOrderUpdates(updates, by: principal.subject).summary
        } catch let error as CSVDocument.Failure {
            return try await failed(error.message, text: text, request: request, principal: principal)
        } catch let error as StorageError where error.code == .invalidImport {
            return try await failed(error.message, text: text, request: request, principal: principal)
        }
        return PurchaseOrderPages.done("import: \(message)")
    }

    /// The page again with the import's errors, one per line, and the text as it was sent.
    private func failed(_ message: String, text: String, request: Request, principal: Principal) async throws -> Response {
        try await PurchaseOrderPages(state: state).render(
            request, principal: principal,
            extra: [
                "import_text": text, "has_import_errors": true,
                "import_errors": message.split(separator: "\n").map { ["message": String($0)] },
            ], status: .unprocessableContent)
    }
}

/// `{"key", "replayed", "lines_confirmed", "confirmations_unchanged", "orders_confirmed",
/// "receipts_posted", "receipts_replayed", "summary", "purchase_orders": [...]}`.
struct PurchaseOrderImportBody: Encodable {
    var key: String
    var replayed: Bool
    var linesConfirmed: Int
    var confirmationsUnchanged: Int
    var ordersConfirmed: Int
    var receiptsPosted: Int
    var receiptsReplayed: Int
    var summary: String
    var purchaseOrders: [PurchaseOrderRecord]

    init(_ r: PurchaseOrderImportResult) {
        key = r.key
        replayed = r.replayed
        linesConfirmed = r.linesConfirmed
        confirmationsUnchanged = r.confirmationsUnchanged
        ordersConfirmed = r.ordersConfirmed
        receiptsPosted = r.receiptsPosted
        receiptsReplayed = r.receiptsReplayed
        summary = r.summary
        purchaseOrders = r.orders
    }
}
