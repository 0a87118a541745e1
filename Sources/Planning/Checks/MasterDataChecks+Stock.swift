public import InventoryCore

extension MasterDataChecks {
    /// The stock walk's findings (``Snapshot/stockPositions()``, ``Snapshot/stockHistory(from:to:stock:)``):
    ///
    /// - `stock_history_difference` (warning): a day of stock_history.csv the ledger reaches on
    ///   which the two disagree, naming the day and the difference;
    /// - `over_receipt` (warning): a receipt naming an open order that brought more than was
    ///   outstanding;
    /// - `lot_mismatch` (warning): a posting whose lots could not move (its balances did).
    public func stockFindings(_ snapshot: Snapshot) -> [MasterDataFinding] {
        let stock = snapshot.stockPositions()
        var findings: [MasterDataFinding] = []
        for (posting, effect) in zip(snapshot.postings, stock.effects) {
            guard let effect, effect.overReceipt > 0 else { continue }
            let item = snapshot.items[Int(posting.item)].id
            findings.append(
                MasterDataFinding(
                    severity: .warning, check: .overReceipt, itemID: item,
                    locationID: snapshot.locations[Int(posting.location)].id,
                    supplierID: posting.supplier.map { snapshot.suppliers[Int($0)].id } ?? "",
                    message:
                        "receipt '\(posting.key)' on \(posting.date) brought \(FixedPoint.quantityText(effect.overReceipt)) more than order \(posting.reference) had outstanding",
                    suggestedFix: "check the receipt's quantity and order with the supplier; the order is closed"))
        }
        for problem in stock.lotProblems {
            findings.append(
                MasterDataFinding(
                    severity: .warning, check: .lotMismatch, itemID: "", message: problem.message,
                    suggestedFix: "correct lot_id in transactions.csv, or the lots of inventory.csv"))
        }
        guard let first = snapshot.stockHistory.map(\.date).min() else { return findings }
        let last = (snapshot.stockCountDate ?? snapshot.asOf).adding(days: -1)
        do throws(LedgerError) {
            let history = try snapshot.stockHistory(from: first, to: last, stock: stock)
            for difference in history.differences {
                findings.append(
                    MasterDataFinding(
                        severity: .warning, check: .stockHistoryDifference, itemID: difference.position.itemID,
                        locationID: difference.position.locationID, message: difference.message,
                        suggestedFix:
                            "correct stock_history.csv for \(difference.date), or the postings of transactions.csv up to the count"
                    ))
            }
        } catch {
            findings.append(
                MasterDataFinding(
                    severity: .error, check: .stockHistoryDifference, itemID: "", message: error.message,
                    suggestedFix: "correct the figure named in stock_history.csv or inventory.csv"))
        }
        return findings
    }
}
