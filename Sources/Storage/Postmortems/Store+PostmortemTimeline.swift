public import InventoryCore
import SQLKit
public import Workflow

/// The timeline of a post-mortem, generated from the data through the stores' own readers: the
/// ledger (``Store/ledgerEntries(itemID:locationID:from:to:limit:beforeID:)``), the purchase
/// orders and proposals with a line of the item at the location and their histories, the audit
/// log of the item-location's overrides (``Store/auditLog(limit:beforeID:actor:actionPrefix:subject:subjectPrefix:)``)
/// and the plan runs (``Store/listPlanRuns()``) — ordered and read for causes by
/// ``Workflow/PostmortemTimeline``.
extension Store {
    /// The events of `itemID` at `locationID` from `from` to `to` (inclusive), in date order.
    public func incidentTimeline(itemID: String, locationID: String, from: Day, to: Day) async throws -> [TimelineEvent] {
        var events: [TimelineEvent] = []
        events += try await ledgerEvents(itemID: itemID, locationID: locationID, from: from, to: to)
        events += try await orderEvents(itemID: itemID, locationID: locationID, from: from, to: to)
        events += try await overrideEvents(itemID: itemID, locationID: locationID, from: from, to: to)
        events += try await listPlanRuns().compactMap { run in
            guard let day = Self.day(ofTimestamp: run.createdAt), day >= from, day <= to else { return nil }
            return TimelineEvent(
                date: day, kind: .planRun,
                text: "plan run \(run.runNumber)" + (run.label.isEmpty ? "" : " (\(run.label))") + " as of \(run.asOf)",
                link: "plan-run:\(run.runNumber)")
        }
        return PostmortemTimeline.ordered(events)
    }

    func ledgerEvents(itemID: String, locationID: String, from: Day, to: Day) async throws -> [TimelineEvent] {
        var entries: [LedgerEntryRecord] = []
        var before: Int64? = nil
        while true {
            let page = try await ledgerEntries(
                itemID: itemID, locationID: locationID, from: from, to: to, limit: 1_000, beforeID: before)
            entries += page
            guard page.count == 1_000, let last = page.last else { break }
            before = last.entryID
        }
        return entries.reversed().compactMap { entry in
            let kind: TimelineEvent.Kind
            switch entry.type {
            case .receipt, .consignmentReceipt, .vmiReceipt, .transferIn: kind = .receipt
            case .issue, .consumption, .returnToSupplier: kind = .issue
            case .transferOut: kind = entry.locationID == locationID ? .issue : .receipt
            case .adjustment, .reversal: kind = .adjustment
            case .scrap: kind = .writeOff
            case .allocation, .allocationRelease: return nil
            }
            var text = "\(entry.type.rawValue) \(FixedPoint.quantityText(entry.quantity)) \(entry.uom)"
            if !entry.reference.isEmpty { text += " ref \(entry.reference)" }
            if !entry.reason.isEmpty { text += " (\(entry.reason))" }
            return TimelineEvent(date: entry.date, kind: kind, text: text, link: "ledger:\(entry.entryID)")
        }
    }

    func orderEvents(itemID: String, locationID: String, from: Day, to: Day) async throws -> [TimelineEvent] {
        try await backend.read { db in
            let ids = try await db.raw(
                """
                SELECT DISTINCT o.po_id, o.po_number FROM purchase_orders o JOIN purchase_order_lines l ON l.po_id = o.po_id \
                WHERE o.location_id = \(bind: locationID) AND l.item_id = \(bind: itemID) ORDER BY o.po_number
                """
            ).all().map { try $0.decode(column: "po_id", as: String.self) }
            var events: [TimelineEvent] = []
            for order in try await PurchaseOrderRows.load(ids, db) {
                let lines = order.lines.filter { $0.itemID == itemID }
                for event in try await PurchaseOrderRows.events(order.poID, db) {
                    guard let day = Self.day(ofTimestamp: event.at), day >= from, day <= to else { continue }
                    events.append(Self.orderEvent(order, lines: lines, event: event, day: day))
                }
            }
            return events
        }
    }

    static func orderEvent(
        _ order: PurchaseOrderRecord, lines: [PurchaseOrderLineRecord], event: PurchaseOrderEvent, day: Day
    ) -> TimelineEvent {
        let quantity = lines.map { "\(FixedPointText.quantity($0.quantity)) \($0.baseUOM)" }.joined(separator: " + ")
        let by = event.actor.isEmpty ? "" : " by \(event.actor)"
        switch event.action {
        case "create":
            return TimelineEvent(
                date: day, kind: .orderCreated,
                text: "\(order.poID) created as a proposal\(by): \(quantity) from \(order.supplierID)", link: order.poID)
        case "approve" where event.toState == PurchaseOrderState.approved.rawValue:
            return TimelineEvent(date: day, kind: .orderApproved, text: "\(order.poID) approved\(by)", link: order.poID)
        case "release":
            let planned = lines.compactMap { Day(iso: $0.releaseDate) }.min()
            if let planned, day > planned {
                return TimelineEvent(
                    date: day, kind: .orderReleasedLate,
                    text: "\(order.poID) released \(planned.distance(to: day)) days after its planned release date \(planned)",
                    link: order.poID)
            }
            return TimelineEvent(date: day, kind: .orderReleased, text: "\(order.poID) released\(by)", link: order.poID)
        case "receive", "receive_partially":
            let due = lines.compactMap { Day(iso: $0.dueDate) }.min()
            if let due, day > due {
                return TimelineEvent(
                    date: day, kind: .orderReceivedLate,
                    text:
                        "\(order.poID) from \(order.supplierID) received \(due.distance(to: day)) days after its due date \(due)",
                    link: order.poID)
            }
            return TimelineEvent(
                date: day, kind: .orderReceived,
                text: "\(order.poID) received" + (due.map { " (due \($0))" } ?? ""), link: order.poID)
        default:
            var text = "\(order.poID) \(event.action.split(separator: "_").joined(separator: " "))\(by): now \(event.toState)"
            if !event.reason.isEmpty { text += " (\(event.reason))" }
            return TimelineEvent(date: day, kind: .orderChanged, text: text, link: order.poID)
        }
    }

    func overrideEvents(itemID: String, locationID: String, from: Day, to: Day) async throws -> [TimelineEvent] {
        var entries: [AuditEntry] = []
        var before: Int64? = nil
        while true {
            let page = try await auditLog(
                limit: 1_000, beforeID: before, actionPrefix: "override.", subjectPrefix: "override:\(itemID)@\(locationID)/")
            entries += page
            guard page.count == 1_000, let last = page.last else { break }
            before = last.auditID
        }
        return entries.reversed().compactMap { entry in
            guard let day = Self.day(ofTimestamp: entry.at), day >= from, day <= to else { return nil }
            let parameter = entry.subject.split(separator: "/", maxSplits: 1).dropFirst().first.map(String.init) ?? entry.subject
            let verb = entry.action.split(separator: ".").last.map(String.init) ?? entry.action
            return TimelineEvent(
                date: day, kind: .overrideChanged,
                text: entry.detail.isEmpty
                    ? "override of \(parameter) \(verb)d by \(entry.actor)"
                    : "override \(verb)d by \(entry.actor): \(entry.detail)",
                link: entry.subject)
        }
    }

    /// The UTC day of an ISO 8601 timestamp (`2026-03-02T10:00:00Z` → 2026-03-02).
    static func day(ofTimestamp text: String) -> Day? { Day(iso: String(text.prefix(10))) }
}
