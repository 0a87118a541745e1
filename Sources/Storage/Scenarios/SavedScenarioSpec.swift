/// A scenario spec saved by a user (docs/scenarios.md, "Saved specs"): the YAML as saved, checked
/// against the company's data when it was saved.
public struct SavedScenarioSpec: Sendable, Hashable, Encodable {
    /// The user who saved it (only they see it).
    public var owner: String
    /// Its name, unique per owner (``ScenarioSpecName``).
    public var name: String
    /// The spec's own `name:` when it was saved.
    public var title: String
    /// The number of shocks when it was saved.
    public var shocks: Int
    /// 1 when created, + 1 each time it is replaced; a replacement names the version it replaces.
    public var version: Int
    /// When it was created (ISO 8601 UTC).
    public var createdAt: String
    /// When it was last saved (ISO 8601 UTC).
    public var updatedAt: String
    /// The YAML text (`nil` in lists: ``Store/scenarioSpecs(by:)``).
    public var spec: String?
}

/// What saving a scenario spec did.
public struct ScenarioSpecSave: Sendable, Hashable {
    /// The spec as stored now.
    public var saved: SavedScenarioSpec
    /// Whether it was created (false: it replaced the version before).
    public var created: Bool
}
