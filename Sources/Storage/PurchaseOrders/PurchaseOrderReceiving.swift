import InventoryCore
import SQLKit
import Workflow

/// A `receipt` posted to the ledger moves the purchase order it names forward, inside the posting's
/// transaction (``LedgerWriter`` calls it after the entry and its movements are written): the
/// order whose `po_id` is the receipt's `reference` (DATA_FORMAT.md, transactions.csv: a receipt
/// names its order in `reference`), at the receipt's location, in state released, confirmed or
/// partially received, gets the receipt's base units on its lines of that item, in line order, up
/// to each line's open quantity — through the workflow's `receive_partially` transition (history,
/// audit, the order `received` once every line is complete; actor `ledger`).
///
/// A receipt is never refused for its order: what matched no open line is kept as a finding in
/// `purchase_order_receipts` (``Store/unmatchedReceipts()``): no reference (and no open order of the
/// extract), no such purchase order, another location, an order not in a state that receives, an
/// item not on the order, or more than the order's open quantity. Receipts naming an open order
/// of the ERP's extract (and no stored purchase order) are the extract's business: not recorded.
enum PurchaseOrderReceiving {
    /// Why (part of) a receipt went to no open purchase-order line.
    enum Finding: String, CaseIterable {
        case noReference = "no_reference"
        case noPurchaseOrder = "no_purchase_order"
        case wrongLocation = "wrong_location"
        case notReceivable = "not_receivable"
        case itemNotOnOrder = "item_not_on_order"
        case overReceipt = "over_receipt"
    }

    /// Who moves orders for the ledger (in the order's history and the audit log).
    static let principal = Authorization.Principal(userID: "ledger", role: .buyer)

    /// States in which an order receives.
    static let receiving: Set<PurchaseOrderState> = [.released, .confirmed, .partiallyReceived]

    /// Records receipt `entryID` (`quantity` base units, fixed point) against the order it names.
    static func record(
        entryID: Int64, key: String, reference: String, itemID: String, locationID: String, date: Day, quantity: Int64,
        namesExtractOrder: Bool, now: String, db: any SQLDatabase
    ) async throws {
        var matched: Int64 = 0
        var finding: Finding? = nil
        var detail = ""
        var poID = ""
        if reference.isEmpty {
            finding = .noReference
            detail = "the receipt names no order"
        } else if let order = try await PurchaseOrderRows.load([reference], db).first {
            poID = order.poID
            let lines = order.lines.filter { $0.itemID == itemID }
            if order.locationID != locationID {
                finding = .wrongLocation
                detail = "\(order.poID) is received at \(order.locationID), not \(locationID)"
            } else if !receiving.contains(order.state) {
                finding = .notReceivable
                detail =
                    "\(order.poID) is \(order.state.rawValue) — only released, confirmed or partially received orders receive"
            } else if lines.isEmpty {
                finding = .itemNotOnOrder
                detail = "\(order.poID) has no line of \(itemID)"
            } else {
                var left = quantity
                var receipts: [Int: Double] = [:]
                for line in lines where left > 0 {
                    let open =
                        try PurchaseOrderTransition.quantity(line.quantity) - PurchaseOrderTransition.quantity(line.received)
                    let take = min(left, open)
                    if take > 0 {
                        receipts[line.line] = PurchaseOrderRows.quantity(take)
                        left -= take
                    }
                }
                matched = quantity - left
                if left > 0 {
                    finding = .overReceipt
                    detail =
                        "\(FixedPointText.quantity(PurchaseOrderRows.quantity(left))) more than \(order.poID)'s open quantity of \(itemID)"
                }
                if !receipts.isEmpty {
                    var request = PurchaseOrderDecisionRequest(poID: order.poID, action: .receivePartially, principal: principal)
                    request.receipts = receipts
                    try await PurchaseOrderTransition(
                        request: request, rules: ApprovalRules(thresholds: []), now: now, today: date, db: db,
                        source: "ledger receipt \(key)"
                    ).apply()
                }
            }
        } else if namesExtractOrder {
            return
        } else {
            finding = .noPurchaseOrder
            detail = "no purchase order '\(reference)' and no open order of the extract"
        }
        try await db.raw(
            """
            INSERT INTO purchase_order_receipts (entry_id, entry_key, po_id, item_id, location_id, receipt_date, matched, \
            unmatched, finding, detail) VALUES (\(bind: entryID), \(bind: key), \(bind: poID), \(bind: itemID), \
            \(bind: locationID), \(bind: date.description), \(bind: matched), \(bind: quantity - matched), \
            \(bind: finding?.rawValue ?? ""), \(bind: detail))
            """
        ).run()
    }
}
