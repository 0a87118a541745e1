public import InventoryCore
public import Workflow

/// One stored version of a VMI agreement (docs/vmi.md): its terms, its state and who approved it
/// for each side.
public struct VMIAgreementVersion: Sendable, Hashable {
    /// The terms (the id, supplier and item-location are the agreement's).
    public var terms: VMIAgreementTerms
    /// 1, 2, … per agreement.
    public var version: Int
    /// The state.
    public var state: VMIAgreementState
    /// `import` (the data folder's `agreements.csv`: signed outside Procura) or `procura`.
    public var source: String
    /// Who proposed it (`import` for the data folder).
    public var proposedBy: String
    /// When (ISO 8601 UTC).
    public var proposedAt: String
    /// Who approved for our side (empty: not yet).
    public var ourApprovalBy: String
    /// When (empty: not yet).
    public var ourApprovalAt: String
    /// Who approved for the supplier (empty: not yet).
    public var supplierApprovalBy: String
    /// When (empty: not yet).
    public var supplierApprovalAt: String
    /// Who rejected it (empty: nobody).
    public var rejectedBy: String
    /// Why it was rejected (empty: not rejected).
    public var reason: String
    /// When the state last changed (ISO 8601 UTC).
    public var updatedAt: String

    /// The facts the workflow decides on.
    public var facts: VMIAgreementFacts {
        VMIAgreementFacts(
            agreementID: terms.agreementID, version: version, supplierID: terms.supplierID, state: state,
            ourApproval: ourApprovalBy.isEmpty ? nil : ourApprovalBy,
            supplierApproval: supplierApprovalBy.isEmpty ? nil : supplierApprovalBy)
    }

    /// `vmi_agreement:ID/vVERSION`, the audit log's subject.
    public var subject: String { "vmi_agreement:\(terms.agreementID)/v\(version)" }
}
