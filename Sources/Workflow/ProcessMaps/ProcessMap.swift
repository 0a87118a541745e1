/// A workflow's state machine as a diagram's data: its states and the transitions between them,
/// read from the rules that decide them (``PurchaseOrderLifecycle``, ``DispositionWorkflow``,
/// ``EmergencyBuyRules``, ``ProvisionRules``) so the drawings in the docs and in the app cannot
/// drift from the code (docs/process-maps.md). Drawn by ``mermaid``, ``dot`` and ``svg``.
public struct ProcessMap: Sendable, Hashable, Encodable {
    /// One state.
    public struct State: Sendable, Hashable, Encodable {
        /// The state's name as stored and shown (`partially_received`).
        public var id: String
        /// Nothing leaves it.
        public var final: Bool
        /// What it means.
        public var meaning: String

        enum CodingKeys: String, CodingKey {
            case id, final, meaning
        }
    }

    /// One transition: `action` moves a case from `from` to `to`, under `rule`.
    public struct Transition: Sendable, Hashable, Encodable {
        /// The state it leaves.
        public var from: String
        /// The state it reaches.
        public var to: String
        /// The action (`approve`; `(time)` when nobody acts: a window passes).
        public var action: String
        /// Who may, and what else must hold.
        public var rule: String
    }

    /// The map's name (`purchase-order`): `procura process-map NAME`, `/api/v1/process-maps/{name}`.
    public var name: String
    /// Its title (`Purchase order`).
    public var title: String
    /// The state a new case starts in.
    public var initial: String
    /// The states in their usual order of progress.
    public var states: [State]
    /// Every allowed transition; anything else is refused (`invalid_transition`).
    public var transitions: [Transition]
    /// Where its rules live in the code, and what the map leaves out.
    public var source: String

    enum CodingKeys: String, CodingKey {
        case name, title, initial, states, transitions, source, mermaid, dot, svg
    }

    /// The map's data and its three drawings (``mermaid``, ``dot``, ``svg``).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(title, forKey: .title)
        try c.encode(initial, forKey: .initial)
        try c.encode(states, forKey: .states)
        try c.encode(transitions, forKey: .transitions)
        try c.encode(source, forKey: .source)
        try c.encode(mermaid, forKey: .mermaid)
        try c.encode(dot, forKey: .dot)
        try c.encode(svg, forKey: .svg)
    }

    /// The maps: purchase order (a proposal is an order in state `proposed`), disposition case,
    /// emergency buy, provision run, change set, post-mortem, action.
    public static var all: [ProcessMap] {
        [purchaseOrder, disposition, emergencyBuy, provisionRun, changeSet, postmortem, trackedAction]
    }

    /// The names of ``all``, in order.
    public static var names: [String] { all.map(\.name) }

    /// The map named `name` (`nil`: there is none — list them with ``names``).
    public static func named(_ name: String) -> ProcessMap? { all.first { $0.name == name } }

    /// The transitions that leave `state`.
    public func transitions(from state: String) -> [Transition] { transitions.filter { $0.from == state } }
}

/// Process maps as JSON (`procura process-map --format json`, `GET /api/v1/process-maps`):
/// `{"process_maps": [...]}`.
public struct ProcessMapList: Sendable, Encodable {
    /// The maps.
    public var processMaps: [ProcessMap]

    /// A list of `processMaps`.
    public init(_ processMaps: [ProcessMap]) { self.processMaps = processMaps }

    enum CodingKeys: String, CodingKey {
        case processMaps = "process_maps"
    }
}
