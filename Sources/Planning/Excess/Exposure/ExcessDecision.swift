/// A decision that put stock above what was needed, in base units — the over-ordering signals of
/// the exposure report (docs/excess.md, "Over-ordering signals").
///
/// Kinds are quantified decisions; a data folder (no stored orders) never produces the order kinds,
/// and the attribution takes any kind the caller supplies: a new source of decisions plugs in by
/// producing values of this type.
public struct ExcessDecision: Sendable, Hashable, Codable {
    /// What kind of decision.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A purchase order line whose quantity was raised above the proposal (`change_quantity`):
        /// units = min(received, ordered) − proposed, > 0.
        case poAboveProposal = "po_above_proposal"
        /// An emergency buy beyond the policy's order quantity (``OrderLineFacts/unitsAbovePolicy``):
        /// units = min(received, ordered, bought) − policy quantity, > 0, decided by the requester.
        case emergencyBuy = "emergency_buy"
        /// An override of a stock parameter (safety stock, reorder point, order quantity, min, max)
        /// above the computed value: units = final − computed (the largest of them: they raise the
        /// same stock).
        case overrideAboveComputed = "override_above_computed"
        /// The supplier's minimum order (MOQ or order multiple) above the forecast over the coverage:
        /// units = minimum order − forecast over the coverage, > 0.
        case moqAboveNeed = "moq_above_need"
        /// Stock reserved for a work or sales order and released without being issued to it in the
        /// twelve months up to the valuation day (``InventoryCore/CancelledReservation``): units = Σ
        /// cancelled units of the item-location, decided by nobody in particular (`(none)`).
        case cancelledProject = "cancelled_project"

        /// The order in which decisions take their units from the exposure: orders first (they
        /// brought the units), then cancelled reservations (the demand the stock was for did not
        /// come), then overrides (they made orders larger), then the supplier's minimum.
        public static let attributionOrder: [Kind] = [
            .poAboveProposal, .emergencyBuy, .cancelledProject, .overrideAboveComputed, .moqAboveNeed,
        ]
    }

    /// The kind.
    public var kind: Kind
    /// Base units above what was needed, ≥ 0.
    public var units: Double
    /// Who decided (a user, an override's author; `(none)` when unknown).
    public var decidedBy: String
    /// The supplier concerned (`(none)` when none).
    public var supplierId: String
    /// The numbers behind it, in words.
    public var evidence: String

    /// Creates a decision.
    public init(kind: Kind, units: Double, decidedBy: String, supplierId: String, evidence: String) {
        self.kind = kind
        self.units = units
        self.decidedBy = decidedBy
        self.supplierId = supplierId
        self.evidence = evidence
    }
}
