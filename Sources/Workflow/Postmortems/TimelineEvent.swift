public import InventoryCore

/// One event of a post-mortem's timeline, generated from the data (``PostmortemTimeline``): the
/// day, the kind, a sentence and the id of the record it comes from (`ledger:42`, `PO-000003`,
/// `override:P1@DC1/safety_stock`, `plan-run:7`).
public struct TimelineEvent: Sendable, Hashable, Encodable {
    /// What kind of event.
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        /// A receipt into stock (from a supplier, consignment, VMI, a transfer in).
        case receipt
        /// An issue or consumption out of stock (or a transfer out, a return to the supplier).
        case issue
        /// A stock adjustment (count correction) or a reversal.
        case adjustment
        /// A write-off: stock scrapped.
        case writeOff = "write_off"
        /// A purchase order (or proposal: an order in state proposed) created.
        case orderCreated = "order_created"
        /// A purchase order approved.
        case orderApproved = "order_approved"
        /// A purchase order released to the supplier on or before its planned release date.
        case orderReleased = "order_released"
        /// A purchase order released after its planned release date.
        case orderReleasedLate = "order_released_late"
        /// A purchase order received (in part or in full) on or before its due date.
        case orderReceived = "order_received"
        /// A purchase order received after its due date.
        case orderReceivedLate = "order_received_late"
        /// Another change of a purchase order (rejected, cancelled, quantity changed, confirmed, closed).
        case orderChanged = "order_changed"
        /// An override of the item-location created, replaced or expired.
        case overrideChanged = "override_changed"
        /// A plan run.
        case planRun = "plan_run"
    }

    /// The day.
    public var date: Day
    /// What kind.
    public var kind: Kind
    /// What happened, in a sentence.
    public var text: String
    /// The id of the record it comes from.
    public var link: String

    /// Creates an event.
    public init(date: Day, kind: Kind, text: String, link: String) {
        self.date = date
        self.kind = kind
        self.text = text
        self.link = link
    }

    enum CodingKeys: String, CodingKey {
        case date, kind, text, link
    }

    /// `{"date": "2026-03-02", "kind": "receipt", "text": …, "link": …}`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(date.description, forKey: .date)
        try c.encode(kind, forKey: .kind)
        try c.encode(text, forKey: .text)
        try c.encode(link, forKey: .link)
    }
}

/// A cause the timeline suggests, with the event that shows it.
public struct SuggestedCause: Sendable, Hashable, Encodable {
    /// The category.
    public var category: CauseCategory
    /// Why, in a sentence.
    public var text: String
    /// The event that shows it.
    public var evidence: TimelineEvent
}

/// Orders a post-mortem's timeline and reads the causes its data shows (docs/postmortems.md,
/// "Timeline" and "Suggested causes"). Pure: Storage gathers the events from the ledger, the
/// purchase orders, the audit log of overrides and the plan runs.
public enum PostmortemTimeline {
    /// `events` in date order; events of one day keep the order of ``TimelineEvent/Kind`` (postings
    /// before orders before overrides before plan runs), then of their link.
    public static func ordered(_ events: [TimelineEvent]) -> [TimelineEvent] {
        let rank = Dictionary(uniqueKeysWithValues: TimelineEvent.Kind.allCases.enumerated().map { ($1, $0) })
        return events.enumerated().sorted { a, b in
            if a.element.date != b.element.date { return a.element.date < b.element.date }
            let (ra, rb) = (rank[a.element.kind] ?? 0, rank[b.element.kind] ?? 0)
            if ra != rb { return ra < rb }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// The causes the events show, one per event that shows one, in the timeline's order:
    /// - an order received after its due date → ``CauseCategory/supplierLate``;
    /// - an order released after its planned release date → ``CauseCategory/orderReleasedLate``;
    /// - an override changed → ``CauseCategory/override``;
    /// - a stock adjustment (the stock record was corrected) → ``CauseCategory/dataError``.
    ///
    /// Only what a single event shows; forecast, lead-time, MOQ and demand-shift causes need the
    /// plan's figures (the root-cause analysis of the plan, `RootCauseAnalysis` in Planning) and are
    /// recorded by the team.
    public static func suggestedCauses(_ events: [TimelineEvent]) -> [SuggestedCause] {
        ordered(events).compactMap { event in
            switch event.kind {
            case .orderReceivedLate:
                return SuggestedCause(
                    category: .supplierLate, text: "received after its due date: \(event.text)", evidence: event)
            case .orderReleasedLate:
                return SuggestedCause(
                    category: .orderReleasedLate, text: "released after its planned release date: \(event.text)", evidence: event)
            case .overrideChanged:
                return SuggestedCause(
                    category: .override, text: "an override changed in the window: \(event.text)", evidence: event)
            case .adjustment:
                return SuggestedCause(
                    category: .dataError, text: "the stock record was corrected: \(event.text)", evidence: event)
            default:
                return nil
            }
        }
    }
}
