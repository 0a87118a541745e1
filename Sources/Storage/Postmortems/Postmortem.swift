public import InventoryCore
public import Workflow

/// What opens a post-mortem: the incident — a stock-out, excess or write-off of an item-location
/// over a window of days — and its title.
public struct PostmortemRequest: Sendable, Hashable {
    /// 1 to 200 characters on one line.
    public var title: String
    /// The item.
    public var itemID: String
    /// The location.
    public var locationID: String
    /// The first day of the incident window.
    public var from: Day
    /// The last day of the window (≥ `from`, at most ``Workflow/PostmortemRules/maximumWindowDays`` days).
    public var to: Day
    /// The kind of incident.
    public var kind: IncidentKind

    /// Creates a request.
    public init(title: String, itemID: String, locationID: String, from: Day, to: Day, kind: IncidentKind) {
        self.title = title
        self.itemID = itemID
        self.locationID = locationID
        self.from = from
        self.to = to
        self.kind = kind
    }
}

/// A stored post-mortem (docs/postmortems.md): `PM-000001`, numbered in the order opened.
public struct Postmortem: Sendable, Hashable, Encodable {
    /// `PM-000001`, ….
    public var postmortemID: String
    /// The incident's title.
    public var title: String
    /// The item.
    public var itemID: String
    /// The location.
    public var locationID: String
    /// The window's first day (YYYY-MM-DD).
    public var from: String
    /// The window's last day (YYYY-MM-DD).
    public var to: String
    /// The kind of incident.
    public var kind: IncidentKind
    /// Open or closed.
    public var state: PostmortemState
    /// Who opened it.
    public var openedBy: String
    /// When (ISO 8601 UTC).
    public var openedAt: String
    /// Who closed it (empty: open).
    public var closedBy: String
    /// When (empty: open).
    public var closedAt: String

    enum CodingKeys: String, CodingKey {
        case postmortemID = "postmortemId"
        case title
        case itemID = "itemId"
        case locationID = "locationId"
        case from, to, kind, state, openedBy, openedAt, closedBy, closedAt
    }

    /// The audit log's subject: `postmortem:PM-000001`.
    public var subject: String { "postmortem:\(postmortemID)" }
}

/// A cause recorded by the team.
public struct PostmortemCause: Sendable, Hashable, Encodable {
    /// 1, 2, … within the post-mortem.
    public var number: Int
    /// The category.
    public var category: CauseCategory
    /// What happened.
    public var text: String
    /// The link of the timeline event it cites (empty: none).
    public var evidence: String
    /// Who recorded it.
    public var recordedBy: String
    /// When (ISO 8601 UTC).
    public var recordedAt: String
}

/// A post-mortem with everything about it: its timeline from the data, the causes the data
/// suggests and those recorded, its actions (`GET /api/v1/postmortems/{id}`, `procura postmortem show`).
public struct PostmortemDetail: Sendable, Encodable {
    /// The post-mortem.
    public var postmortem: Postmortem
    /// The events of the item-location in the window, in date order.
    public var timeline: [TimelineEvent]
    /// The causes the timeline shows, each with its evidence.
    public var suggestedCauses: [SuggestedCause]
    /// The causes recorded by the team, in order.
    public var causes: [PostmortemCause]
    /// Its actions, in the order added.
    public var actions: [TrackedAction]
}
