public import InventoryCore
public import Workflow

/// What adds an action to a subject's tracker.
public struct TrackedActionRequest: Sendable, Hashable {
    /// The kind of subject.
    public var subjectKind: ActionSubjectKind
    /// The subject's id (`PM-000001`).
    public var subjectID: String
    /// 1 to 200 characters on one line.
    public var title: String
    /// The user who owns it.
    public var owner: String
    /// When it is due.
    public var dueDate: Day

    /// Creates a request.
    public init(subjectKind: ActionSubjectKind, subjectID: String, title: String, owner: String, dueDate: Day) {
        self.subjectKind = subjectKind
        self.subjectID = subjectID
        self.title = title
        self.owner = owner
        self.dueDate = dueDate
    }
}

/// A stored action (docs/postmortems.md, "Actions"): `ACT-000001`, numbered in the order added.
public struct TrackedAction: Sendable, Hashable, Encodable {
    /// `ACT-000001`, ….
    public var actionID: String
    /// The kind of subject.
    public var subjectKind: ActionSubjectKind
    /// The subject's id.
    public var subjectID: String
    /// What to do.
    public var title: String
    /// Who owns it.
    public var owner: String
    /// When it is due (YYYY-MM-DD).
    public var dueDate: String
    /// Open, done or cancelled.
    public var state: TrackedActionState
    /// Whether it is open and its due date has passed (on the store clock's today).
    public var overdue: Bool
    /// Who added it.
    public var createdBy: String
    /// When (ISO 8601 UTC).
    public var createdAt: String
    /// Who closed it (empty: open).
    public var closedBy: String
    /// When (empty: open).
    public var closedAt: String
    /// The closing comment.
    public var comment: String

    enum CodingKeys: String, CodingKey {
        case actionID = "actionId"
        case subjectKind
        case subjectID = "subjectId"
        case title, owner, dueDate, state, overdue, createdBy, createdAt, closedBy, closedAt, comment
    }

    /// The audit log's subject: `action:ACT-000001`.
    public var subject: String { "action:\(actionID)" }
}
