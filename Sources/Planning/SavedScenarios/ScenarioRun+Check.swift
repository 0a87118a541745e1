public import InventoryCore
public import InventoryPolicy
import Simulation

/// What a scenario spec says in brief, read when it is checked: its `name:` and how many shocks.
public struct ScenarioSpecSummary: Sendable, Hashable {
    /// The spec's `name:`.
    public var name: String
    /// The number of shocks in `shocks:`.
    public var shocks: Int

    /// Creates a summary.
    public init(name: String, shocks: Int) {
        self.name = name
        self.shocks = shocks
    }
}

extension ScenarioRun {
    /// Checks the spec in `yaml` against `snapshot` exactly as ``planned(snapshot:yaml:replications:seed:progress:)``
    /// checks it before anything runs (``Simulation/ScenarioSpecReader``), without planning or
    /// running: what saving a scenario spec validates.
    ///
    /// - Throws: ``InventoryPolicy/PolicyError`` (`invalid_input`) with every problem's line and
    ///   field, the message a run would give.
    public static func check(yaml: String, snapshot: Snapshot) throws(PolicyError) -> ScenarioSpecSummary {
        let spec = try read(yaml: yaml, snapshot: snapshot)
        return ScenarioSpecSummary(name: spec.name, shocks: spec.shocks.count)
    }
}
