/// Where a disposition case is in its life (docs/disposition.md, "Sign-off and execution").
///
/// ```text
/// open ──sign (the last required role)──▶ signed ──execute──▶ executed ──close──▶ closed
///  │ ▲                                      │
///  │ └─sign (another required role)         │
///  └────────────cancel (reason)─────────────┴──▶ cancelled
/// ```
public enum DispositionState: String, Sendable, Hashable, CaseIterable, Codable {
    /// Created; collecting its sign-offs.
    case open
    /// Every required role has signed; ready to execute.
    case signed
    /// Executed: its postings are in the ledger.
    case executed
    /// Done.
    case closed
    /// Cancelled before execution, with a reason.
    case cancelled
}

/// What a person does to a disposition case.
public enum DispositionAction: String, Sendable, Hashable, CaseIterable, Codable {
    /// Sign off for one required role.
    case sign
    /// Post the chosen option to the ledger.
    case execute
    /// Close an executed case.
    case close
    /// Cancel an open or signed case (with a reason).
    case cancel
}

/// One sign-off: the role signed for and who signed.
public struct DispositionSignOff: Sendable, Hashable, Codable {
    /// The role signed for.
    public var role: Role
    /// Who signed.
    public var userID: String
    /// When (ISO 8601).
    public var at: String

    /// Creates a sign-off.
    public init(role: Role, userID: String, at: String = "") {
        self.role = role
        self.userID = userID
        self.at = at
    }
}

/// What the workflow needs to know of a case.
public struct DispositionFacts: Sendable, Hashable {
    /// The case id (`DSP-000001`).
    public var caseID: String
    /// Its state.
    public var state: DispositionState
    /// Who created it.
    public var createdBy: String
    /// The roles that must sign, as set when the case was created.
    public var requiredRoles: [Role]
    /// The sign-offs given so far.
    public var signOffs: [DispositionSignOff]

    /// Creates the facts.
    public init(
        caseID: String, state: DispositionState, createdBy: String, requiredRoles: [Role], signOffs: [DispositionSignOff]
    ) {
        self.caseID = caseID
        self.state = state
        self.createdBy = createdBy
        self.requiredRoles = requiredRoles
        self.signOffs = signOffs
    }

    /// The required roles not signed yet, in the required order.
    public var missingRoles: [Role] {
        requiredRoles.filter { role in !signOffs.contains { $0.role == role } }
    }
}
