import DataImport
import Foundation
public import InventoryCore
public import Planning
import SQLKit
public import Workflow

/// VMI operations (docs/vmi.md, "Operations"): the supplier's view of its agreed items, its
/// replenishment postings, the KPIs per period and the month-end liability statement. Who sees
/// planning data sees every agreement; a supplier user only its own supplier's — another
/// supplier's agreement is answered as if it did not exist.
extension Store {
    /// `given`, else the stored data read now (default settings).
    private func snapshot(_ given: Snapshot?) async throws -> Snapshot {
        if let given { return given }
        return try await loadSnapshot()
    }

    /// The active version of every agreement `principal` may see, by agreement id.
    public func activeVMIAgreements(visibleTo principal: Authorization.Principal) async throws -> [VMIAgreementVersion] {
        try await vmiAgreementVersions(visibleTo: principal).filter { $0.state == .active }
    }

    /// The supplier's view of each agreed item-location `principal` may see on `asOf` (default:
    /// today by the store's clock); `agreementID` narrows to one. `snapshot`: the stored data when
    /// the caller holds it already, read with default settings at the current ``dataStamp()``
    /// (`nil`: read it).
    ///
    /// - Throws: ``StorageError/Code/unknownVMIAgreement`` when `agreementID` names no active
    ///   agreement `principal` may see.
    public func vmiItems(
        visibleTo principal: Authorization.Principal, agreementID: String? = nil, asOf: Day? = nil,
        snapshot given: Snapshot? = nil
    ) async throws -> [VMIItemView] {
        let today = asOf ?? clock.today()
        let agreements = try await activeVMIAgreements(visibleTo: principal).filter {
            agreementID == nil || $0.terms.agreementID == agreementID
        }
        if let agreementID, agreements.isEmpty { throw Self.unknownAgreement(agreementID) }
        guard !agreements.isEmpty else { return [] }
        let snapshot = try await snapshot(given)
        let stock = snapshot.stockPositions()
        return agreements.map { v in
            let t = v.terms
            var supplier: Int64 = 0
            var ours: Int64 = 0
            for (key, balance) in stock.positions.balances where key.itemID == t.itemID && key.locationID == t.locationID {
                if key.owner == .owned {
                    ours += balance.onHand
                } else if key.ownerSupplierID == t.supplierID {
                    supplier += balance.onHand
                }
            }
            let weeks = (0..<4).reversed().map { k -> VMIItemView.Week in
                let to = today.adding(days: -1 - 7 * k)
                let from = to.adding(days: -6)
                let units = VMIOperations.demandServed(snapshot, itemID: t.itemID, locationID: t.locationID, from: from, to: to)
                    .values.reduce(0, +)
                return VMIItemView.Week(from: from.description, to: to.description, units: units)
            }
            let band = VMIOperations.bandUnits(t, snapshot, before: today)
            return VMIItemView(
                agreementId: t.agreementID, version: v.version, supplierId: t.supplierID, itemId: t.itemID,
                locationId: t.locationID, asOf: today.description, onHandSupplier: FixedPoint.quantityDouble(supplier),
                onHandOurs: FixedPoint.quantityDouble(ours), bandMinUnits: band.min, bandMaxUnits: band.max,
                reviewDays: t.reviewDays, consumption: weeks,
                lastReplenishment: VMIOperations.replenishmentDays(snapshot, t).last?.description)
        }
    }

    /// Posts the replenishments, all or nothing, each as a `vmi_receipt` of the agreement's
    /// supplier at its item-location through the ledger rules (``post(_:today:progress:)``), under
    /// the key `vmi:SUPPLIER:REPLENISHMENT_ID`: a replayed id posts nothing new and returns the
    /// original entry; the same id with other values is refused.
    ///
    /// Who may: a supplier user for its own supplier's active agreements, a user who posts to the
    /// ledger for any.
    ///
    /// - Parameters:
    ///   - lines: the file line of each replenishment, for messages (`nil`: none).
    ///   - today: the day the posting-date window is measured from (`nil`: the store's clock).
    /// - Throws: ``StorageError/Code/unknownVMIAgreement`` for an agreement that is not active or
    ///   not visible to `principal` (as if absent); ``StorageError/Code/idempotencyConflict`` and
    ///   the ledger's refusals, prefixed with the line; ``Workflow/WorkflowError`` (not permitted).
    ///   Nothing is posted then.
    public func vmiReplenish(
        _ replenishments: [VMIReplenishment], lines: [Int]? = nil, today: Day? = nil, by principal: Authorization.Principal
    ) async throws -> [PostingResult] {
        guard principal.role.isSupplierScoped || Authorization.permits(principal, .postLedger) else {
            throw WorkflowError(
                .notPermitted,
                "\(principal.userID) (role \(principal.role.rawValue)) may not post VMI replenishments — the agreement's supplier and users who post to the ledger may"
            )
        }
        let active = Dictionary(
            try await activeVMIAgreements(visibleTo: principal).map { ($0.terms.agreementID, $0.terms) },
            uniquingKeysWith: { a, _ in a })
        func place(_ index: Int) -> String { lines.map { "line \($0[index]): " } ?? "" }
        var requests: [PostingRequest] = []
        for (index, r) in replenishments.enumerated() {
            guard (1...100).contains(r.replenishmentID.count) else {
                throw StorageError(
                    .invalidPosting,
                    "\(place(index))replenishment_id '\(r.replenishmentID.prefix(40))' — expected 1 to 100 characters")
            }
            guard let terms = active[r.agreementID] else {
                throw StorageError(
                    .unknownVMIAgreement,
                    "\(place(index))there is no active VMI agreement \(r.agreementID) — list them with procura vmi agreements")
            }
            requests.append(
                PostingRequest(
                    key: VMIOperations.keyPrefix(supplierID: terms.supplierID) + r.replenishmentID, date: r.date,
                    type: .vmiReceipt, itemID: terms.itemID, locationID: terms.locationID, quantity: r.quantity,
                    supplierID: terms.supplierID, reference: r.agreementID, lotID: r.lotID))
        }
        do {
            return try await post(requests, today: today)
        } catch let error as PostingBatchError {
            let r = replenishments[error.index]
            if error.underlying.code == .idempotencyConflict {
                throw StorageError(
                    .idempotencyConflict,
                    "\(place(error.index))replenishment_id '\(r.replenishmentID)' was posted before with other values — a replenishment id is posted once; use a new id for a new replenishment"
                )
            }
            throw StorageError(error.underlying.code, place(error.index) + error.underlying.message)
        }
    }

    /// Reads `replenishments.csv` (``VMIReplenishment/columns``) and posts its rows by
    /// ``vmiReplenish(_:lines:today:by:)``: a re-upload posts nothing new; a changed row with a known
    /// id is refused by its line.
    ///
    /// - Throws: ``StorageError/Code/invalidImport`` naming the line, column, value and what was
    ///   expected for a row that does not parse; the errors of ``vmiReplenish(_:lines:today:by:)``.
    public func vmiReplenish(csv text: String, today: Day? = nil, by principal: Authorization.Principal) async throws
        -> [PostingResult]
    {
        let name = "replenishments.csv"
        let document: CSVDocument
        do { document = try CSVDocument(text: text, name: name) } catch { throw StorageError(.invalidImport, error.message) }
        var columns: [String: Int] = [:]
        for column in VMIReplenishment.columns {
            if let i = document.column(column) {
                columns[column] = i
            } else if column != "lot_id" {
                throw StorageError(
                    .invalidImport,
                    "\(name): the column \(column) is missing — expected the columns \(VMIReplenishment.columns.joined(separator: ","))"
                )
            }
        }
        var replenishments: [VMIReplenishment] = []
        var lines: [Int] = []
        var seen: [String: Int] = [:]
        for (line, fields) in document.rows {
            func field(_ column: String) -> String {
                guard let i = columns[column], i < fields.count else { return "" }
                return fields[i].trimmingCharacters(in: .whitespaces)
            }
            func bad(_ column: String, _ expected: String) -> StorageError {
                let col = (columns[column] ?? 0) + 1
                return StorageError(
                    .invalidImport, "\(name):\(line):\(col): \(column) '\(field(column).prefix(40))' — expected \(expected)")
            }
            let id = field("replenishment_id")
            guard !id.isEmpty, id.count <= 64, !id.contains(" ") else {
                throw bad("replenishment_id", "1 to 64 characters without spaces")
            }
            if let first = seen[id] { throw bad("replenishment_id", "an id once per file (line \(first) has it)") }
            seen[id] = line
            let agreement = field("agreement_id")
            guard !agreement.isEmpty else { throw bad("agreement_id", "the agreement (procura vmi agreements)") }
            guard let date = Day(iso: field("date")) else { throw bad("date", "a date YYYY-MM-DD") }
            guard let quantity = Double(field("quantity")), quantity.isFinite, quantity > 0, quantity <= 1e9 else {
                throw bad("quantity", "a number above 0 and at most 10^9 (base units)")
            }
            replenishments.append(
                VMIReplenishment(
                    replenishmentID: id, agreementID: agreement, date: date, quantity: quantity, lotID: field("lot_id")))
            lines.append(line)
        }
        return try await vmiReplenish(replenishments, lines: lines, today: today, by: principal)
    }

    /// The KPIs of month `month` (`YYYY-MM`; default: this month by the store's clock) of every active agreement `principal` may see: per
    /// agreement the month, then each review period ending in it
    /// (``Planning/VMIPeriodKPIs/month(_:version:first:last:snapshot:stock:)``). `snapshot`: as in
    /// ``vmiItems(visibleTo:agreementID:asOf:snapshot:)``.
    ///
    /// - Throws: ``StorageError/Code/invalidImport`` for a month that is not `YYYY-MM`.
    public func vmiKPIs(
        visibleTo principal: Authorization.Principal, month: String? = nil, snapshot given: Snapshot? = nil
    ) async throws -> [VMIPeriodKPIs] {
        let month = month ?? VMIOperations.monthText(clock.today())
        guard let days = VMIOperations.month(month) else {
            throw StorageError(.invalidImport, "month '\(month.prefix(40))' — expected a month YYYY-MM")
        }
        let (first, last) = days
        let agreements = try await activeVMIAgreements(visibleTo: principal)
        guard !agreements.isEmpty else { return [] }
        let snapshot = try await snapshot(given)
        let stock = snapshot.stockPositions()
        var result: [VMIPeriodKPIs] = []
        for v in agreements {
            do throws(LedgerError) {
                result += try VMIPeriodKPIs.month(
                    v.terms, version: v.version, first: first, last: last, snapshot: snapshot, stock: stock)
            } catch {
                throw StorageError(error)
            }
        }
        return result
    }

    /// The month-end liability statements of month `month` (`YYYY-MM`), one per supplier
    /// `principal` may see (only `supplierID` when given)
    /// (``Planning/VMILiabilityStatement/compute(supplierID:agreements:first:last:snapshot:slowMovingDays:)``).
    /// `snapshot`: as in ``vmiItems(visibleTo:agreementID:asOf:snapshot:)``.
    ///
    /// - Throws: ``StorageError/Code/invalidImport`` for a month that is not `YYYY-MM` or slow-moving
    ///   days outside 1–3,650; ``StorageError/Code/unknownVMIAgreement`` for a supplier without an
    ///   active agreement `principal` may see (another supplier's: as if absent).
    public func vmiStatements(
        visibleTo principal: Authorization.Principal, month: String, supplierID: String? = nil,
        slowMovingDays: Int = VMILiabilityStatement.defaultSlowMovingDays, snapshot given: Snapshot? = nil
    ) async throws -> [VMILiabilityStatement] {
        guard let days = VMIOperations.month(month) else {
            throw StorageError(.invalidImport, "month '\(month.prefix(40))' — expected a month YYYY-MM")
        }
        let (first, last) = days
        guard (1...3650).contains(slowMovingDays) else {
            throw StorageError(.invalidImport, "slow_moving_days '\(slowMovingDays)' — expected whole days from 1 to 3650")
        }
        let agreements = try await activeVMIAgreements(visibleTo: principal).map(\.terms)
        var suppliers = Array(Set(agreements.map(\.supplierID))).sorted()
        if let supplierID {
            guard suppliers.contains(supplierID) else {
                throw StorageError(
                    .unknownVMIAgreement,
                    "supplier '\(supplierID.prefix(40))' has no active VMI agreement — list them with procura vmi agreements")
            }
            suppliers = [supplierID]
        }
        guard !suppliers.isEmpty else { return [] }
        let snapshot = try await snapshot(given)
        var result: [VMILiabilityStatement] = []
        do throws(LedgerError) {
            for supplier in suppliers {
                result.append(
                    try VMILiabilityStatement.compute(
                        supplierID: supplier, agreements: agreements, first: first, last: last, snapshot: snapshot,
                        slowMovingDays: slowMovingDays))
            }
            return result
        } catch {
            throw StorageError(error)
        }
    }
}
