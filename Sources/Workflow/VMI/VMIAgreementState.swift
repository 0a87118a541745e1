/// Where a version of a VMI agreement is in its life (docs/vmi.md, "Versions and approval").
///
/// ```text
/// proposed ──approve (the second side)──▶ active ──a newer version becomes active──▶ superseded
///  │ ▲
///  │ └─approve (the first side)
///  └──reject (either side, with a reason)──▶ rejected
/// ```
public enum VMIAgreementState: String, Sendable, Hashable, CaseIterable, Codable {
    /// Proposed; waiting for the approval of one or both sides.
    case proposed
    /// Approved by both sides: the terms in force (one active version per agreement).
    case active
    /// Was active; a later version replaced it.
    case superseded
    /// Refused by one side; kept with its reason.
    case rejected
}

/// The two parties of a VMI agreement.
public enum VMIAgreementSide: String, Sendable, Hashable, CaseIterable, Codable {
    /// Our company: a buyer, approver or finance user (roles with ``Permission/approveOrders``).
    case ours
    /// The supplier: a supplier user bound to the agreement's supplier.
    case supplier
}

/// What a person does to a proposed version.
public enum VMIAgreementAction: String, Sendable, Hashable, CaseIterable, Codable {
    /// Approve for one's side.
    case approve
    /// Refuse the version (with a reason).
    case reject
}

/// What the workflow needs to know of a version.
public struct VMIAgreementFacts: Sendable, Hashable {
    /// The agreement id.
    public var agreementID: String
    /// The version number (1, 2, …).
    public var version: Int
    /// The agreement's supplier.
    public var supplierID: String
    /// The version's state.
    public var state: VMIAgreementState
    /// Who approved for our side, if anyone yet.
    public var ourApproval: String?
    /// Who approved for the supplier, if anyone yet.
    public var supplierApproval: String?

    /// Creates the facts.
    public init(
        agreementID: String, version: Int, supplierID: String, state: VMIAgreementState, ourApproval: String?,
        supplierApproval: String?
    ) {
        self.agreementID = agreementID
        self.version = version
        self.supplierID = supplierID
        self.state = state
        self.ourApproval = ourApproval
        self.supplierApproval = supplierApproval
    }

    /// Who approved for `side`, if anyone yet.
    public func approval(_ side: VMIAgreementSide) -> String? {
        side == .ours ? ourApproval : supplierApproval
    }
}
