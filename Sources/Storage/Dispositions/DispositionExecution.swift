import InventoryCore
import InventoryPolicy

/// The ledger postings that carry out a case's chosen option (docs/disposition.md, "Execution"),
/// each keyed `<case>-<step>` so that a case posts once: return → `return_to_supplier` (naming the
/// supplier); sell → `issue`; transfer → `transfer_out` to the destination and its `transfer_in`;
/// scrap → `scrap`. Each names the case as reference and its lot (the lot taken from; a transfer's
/// arrival takes what is in transit first in, first out).
enum DispositionExecution {
    static func postings(for c: DispositionCase, today: Day) -> [PostingRequest] {
        let reason = "disposition \(c.caseID) (\(c.option.label))"
        func request(_ step: String, _ type: PostingType, lot: String) -> PostingRequest {
            PostingRequest(
                key: "\(c.caseID)-\(step)", date: today, type: type, itemID: c.itemID, locationID: c.locationID,
                quantity: c.quantity, reason: reason, reference: c.caseID, lotID: lot)
        }
        switch c.option {
        case .returnToSupplier:
            var r = request("return", .returnToSupplier, lot: c.lotID)
            r.supplierID = c.supplierID
            return [r]
        case .sell:
            return [request("sell", .issue, lot: c.lotID)]
        case .transfer:
            var out = request("transfer-out", .transferOut, lot: c.lotID)
            out.toLocationID = c.toLocationID
            var arrival = request("transfer-in", .transferIn, lot: "")
            arrival.toLocationID = c.toLocationID
            return [out, arrival]
        case .scrap:
            return [request("scrap", .scrap, lot: c.lotID)]
        }
    }
}
