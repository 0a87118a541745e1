public import Workflow

/// What a planner asks for (`procura changeset create`, `POST /api/v1/changesets`).
public struct ChangeSetRequest: Sendable, Hashable, Codable {
    /// What it does.
    public var kind: ChangeSetKind
    /// The location merged or closed (A).
    public var locationID: String
    /// The location A's stock goes into (B).
    public var intoLocationID: String
    /// A note for the approver (at most 500 characters on one line).
    public var note: String

    /// Creates a request.
    public init(kind: ChangeSetKind, locationID: String, intoLocationID: String, note: String = "") {
        self.kind = kind
        self.locationID = locationID
        self.intoLocationID = intoLocationID
        self.note = note
    }
}

/// A stored change set with who did each step and when (ISO 8601 UTC; empty: not yet).
public struct ChangeSet: Sendable, Hashable, Codable {
    /// `CS-000001`.
    public var changeSetID: String
    /// What it does.
    public var kind: ChangeSetKind
    /// The location merged or closed.
    public var locationID: String
    /// Where its stock goes.
    public var intoLocationID: String
    /// The author's note.
    public var note: String
    /// Where it is in its life.
    public var state: ChangeSetState
    /// Who created it, and when.
    public var createdBy: String
    public var createdAt: String
    /// Who previewed it last, and when.
    public var previewedBy: String
    public var previewedAt: String
    /// Who approved it (never the author), and when.
    public var approvedBy: String
    public var approvedAt: String
    /// Who applied it, and when.
    public var appliedBy: String
    public var appliedAt: String
    /// Who reversed it, and when.
    public var reversedBy: String
    public var reversedAt: String
    /// Who rejected it, when, and why.
    public var rejectedBy: String
    public var rejectedAt: String
    public var rejectReason: String
    /// The effect computed by the last preview (`nil`: not previewed).
    public var preview: ChangeSetPreview?
    /// The ledger keys of the transfers apply posted, in order (each tagged with the id in `reference`).
    public var entryKeys: [String]
    /// The ledger keys of the reversals reverse posted, in order.
    public var reversalKeys: [String]
    /// The plan run apply started (`nil`: none).
    public var appliedPlanRun: Int?
    /// The plan run reverse started (`nil`: none).
    public var reversedPlanRun: Int?
    /// 1 when created, + 1 per step.
    public var version: Int

    /// What the workflow decides on.
    public var facts: ChangeSetFacts { ChangeSetFacts(changeSetID: changeSetID, state: state, createdBy: createdBy) }
}

/// A change set after a call, and whether the call replayed an earlier one with the same
/// idempotency key (nothing changed then).
public struct ChangeSetResult: Sendable, Hashable {
    /// The change set as it is now.
    public var changeSet: ChangeSet
    /// `true` when the key had been used for the same request before.
    public var replayed: Bool
}
