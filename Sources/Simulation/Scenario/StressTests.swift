/// The named crisis scenarios shipped with Procura (`Sources/Simulation/Resources/stress-*.yaml`),
/// run on the current policies by `procura scenario --stress` (docs/scenarios.md).
public enum StressTests {
    /// Their names, in the order they run.
    public static let names = ["port-closure", "supplier-loss", "worst-lead-time-month"]

    /// The scenario spec YAML of the stress test `name`, or `nil` when none has that name.
    public static func yaml(_ name: String) -> String? {
        switch name {
        case "port-closure": String(decoding: PackageResources.stress_port_closure_yaml, as: UTF8.self)
        case "supplier-loss": String(decoding: PackageResources.stress_supplier_loss_yaml, as: UTF8.self)
        case "worst-lead-time-month": String(decoding: PackageResources.stress_worst_lead_time_month_yaml, as: UTF8.self)
        default: nil
        }
    }
}
