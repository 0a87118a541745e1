/// Where a change set is in its life (docs/changesets.md, "Lifecycle").
///
/// ```text
/// draft ──preview──▶ previewed ──approve (not the author)──▶ approved ──apply──▶ applied ──reverse──▶ reversed
///   │                 │   ▲ preview again
///   └─────reject──────┴──▶ rejected
/// ```
public enum ChangeSetState: String, Sendable, Hashable, CaseIterable, Codable {
    /// Created; its effect not yet previewed.
    case draft
    /// Previewed: its effect per item-location is stored for the approver.
    case previewed
    /// Approved by someone other than its author; ready to apply.
    case approved
    /// Applied: its postings are in the ledger, its locations closed.
    case applied
    /// Reversed: the opposite postings are in the ledger, its locations open again.
    case reversed
    /// Rejected before it was applied, with a reason.
    case rejected
}

/// What a person does to a change set.
public enum ChangeSetAction: String, Sendable, Hashable, CaseIterable, Codable {
    /// Compute its effect (nothing written to the ledger).
    case preview
    /// Agree to it (four eyes: never the author).
    case approve
    /// Refuse it, with a reason.
    case reject
    /// Carry it out, all or nothing.
    case apply
    /// Undo an applied change set with the exact opposite postings.
    case reverse
}

/// What the workflow needs to know of a change set.
public struct ChangeSetFacts: Sendable, Hashable {
    /// The change set id (`CS-000001`).
    public var changeSetID: String
    /// Its state.
    public var state: ChangeSetState
    /// Who created it.
    public var createdBy: String

    /// Creates the facts.
    public init(changeSetID: String, state: ChangeSetState, createdBy: String) {
        self.changeSetID = changeSetID
        self.state = state
        self.createdBy = createdBy
    }
}

/// What a change set does (docs/changesets.md, "Kinds").
public enum ChangeSetKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// Merge location A into B: A's stock moved to B by transfers, A's demand history re-mapped to
    /// B, A's sourcing and overrides carried over where B has none, A closed.
    case mergeLocations = "merge_locations"
    /// Close location A: its stock moved to a named location by transfers, A closed; its demand
    /// history, sourcing and overrides leave planning with it.
    case closeLocation = "close_location"
}
