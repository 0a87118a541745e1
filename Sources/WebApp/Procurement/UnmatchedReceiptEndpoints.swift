import Hummingbird
import Storage
import Workflow

/// `GET /api/v1/receipts/unmatched`: receipts posted to the ledger that matched no open
/// purchase-order line (``Storage/Store/unmatchedReceipts()``, as `procura po unmatched-receipts`).
/// Who sees planning data; suppliers get 403 (receipts of other suppliers).
struct UnmatchedReceiptEndpoints {
    let state: WebState

    func add(api: RouterGroup<AppRequestContext>) {
        api.get("receipts/unmatched", use: list)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        return try JSONResponse.encode(UnmatchedReceiptList(try await state.store.unmatchedReceipts()))
    }
}
