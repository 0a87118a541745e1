/// Where a tracked action is in its life (docs/postmortems.md, "Actions").
///
/// ```text
/// open ──done (the owner or a planner/admin, comment optional)──▶ done
///   └───cancel (the owner or a planner/admin, with a comment)───▶ cancelled
/// ```
public enum TrackedActionState: String, Sendable, Hashable, CaseIterable, Codable {
    /// To do: has an owner and a due date.
    case open
    /// Done, by whom and when, with an optional comment.
    case done
    /// Dropped, by whom and when, with the comment that says why.
    case cancelled

    /// Whether nothing leaves the state (``done`` and ``cancelled``).
    public var isClosed: Bool { self != .open }
}

/// What an action belongs to: the kind of subject and its id (`postmortem` `PM-000001`). The
/// tracker is one for every subject — post-mortems now, supplier review packs and meetings
/// (S&OP decisions) to come.
public enum ActionSubjectKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// A post-mortem of an inventory incident (`PM-000001`).
    case postmortem
    /// A supplier review pack (issue 15 item 5).
    case supplierReview = "supplier_review"
    /// A meeting, e.g. the monthly S&OP meeting (issue 17 item 4).
    case meeting
}

/// How an open action is closed.
public enum TrackedActionClosing: String, Sendable, Hashable, CaseIterable, Codable {
    /// It was done.
    case done
    /// It will not be done (a comment says why).
    case cancel

    /// The state it reaches.
    public var target: TrackedActionState { self == .done ? .done : .cancelled }
}
