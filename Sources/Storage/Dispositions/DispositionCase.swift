public import InventoryPolicy
public import Workflow

/// A stored disposition case (docs/disposition.md): what is disposed of, how, what each option is
/// worth, who signed, and what its execution posted. Encodes to the API's JSON (snake case).
public struct DispositionCase: Sendable, Hashable, Codable {
    /// `DSP-000001`.
    public var caseID: String
    /// The item.
    public var itemID: String
    /// The location.
    public var locationID: String
    /// The lot (empty: first in, first out).
    public var lotID: String
    /// The quantity in base units.
    public var quantity: Double
    /// The item's unit cost when the case was created.
    public var unitCost: Double
    /// The option chosen.
    public var option: DispositionOption
    /// A transfer's receiving location (else empty).
    public var toLocationID: String
    /// A return's supplier (else empty).
    public var supplierID: String
    /// Whether the case carries a spare's hold-or-dispose analysis.
    public var spare: Bool
    /// The option values and, for a spare, the NPV analysis.
    public var analysis: DispositionAnalysis
    /// The creator's note.
    public var note: String
    /// Where the case is.
    public var state: DispositionState
    /// The roles that must sign, fixed at creation.
    public var requiredRoles: [Role]
    /// The sign-offs given, by time (then role, for sign-offs of the same second).
    public var signOffs: [DispositionSignOff]
    /// The required roles still to sign.
    public var missingRoles: [Role]
    /// Who created it, and when.
    public var createdBy: String
    /// ISO 8601.
    public var createdAt: String
    /// Who executed it, and when (else empty).
    public var executedBy: String
    /// ISO 8601.
    public var executedAt: String
    /// Who closed it, and when (else empty).
    public var closedBy: String
    /// ISO 8601.
    public var closedAt: String
    /// Why it was cancelled (else empty).
    public var cancelReason: String
    /// The idempotency keys of the ledger postings of its execution.
    public var entryKeys: [String]
    /// Raised by every change.
    public var version: Int

    /// The facts the workflow decides on.
    public var facts: DispositionFacts {
        DispositionFacts(
            caseID: caseID, state: state, createdBy: createdBy, requiredRoles: requiredRoles, signOffs: signOffs)
    }
}
