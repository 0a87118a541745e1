/// The `network` section of `settings.yaml`: the company's own distribution network as the
/// multi-echelon report sees it (docs/risk.md, "Multi-echelon buffers").
///
/// Keys (all optional): `transfer_lead_time_days` (0 … 365; default 1) — the least time a transfer
/// between two locations is taken to need. A lane's lead time is max(observed, this): the observed
/// time (transfer_in day − transfer_out day, mean over the lane's transfers) is 0 for cross-docking
/// the same day, and a stage that replenishes in no time would need no stock at all.
public struct NetworkSettings: Hashable, Sendable {
    /// The floor of a transfer lane's lead time, in days.
    public var transferLeadTimeDays: Double

    /// The defaults.
    public init(transferLeadTimeDays: Double = 1) {
        self.transferLeadTimeDays = transferLeadTimeDays
    }
}
