public import InventoryCore
public import InventoryPolicy
public import Simulation

/// Do the recommended buffers hold? The exposure report (``SupplyRiskReport``) sizes an extra buffer
/// for every exposed item-location against a named disruption — its only source delivers nothing
/// for min(`risk.recovery_days`, `risk.qualification_days`) days, the first order after that
/// arriving one lead time later. This check replays exactly that disruption on the simulation
/// engine (a scenario, docs/scenarios.md): every supplier of an item-location recommended a
/// `buffer` stops taking orders for those days from the 92nd day of the back-test window
/// (order-pausing, `stockpyl_sim_disruptions.json`: no order is placed while disrupted, goods
/// already in transit still arrive), and each such item-location is replayed with its current
/// policy and with the recommended extra buffer added to its reorder point, order-up-to level and
/// opening stock (``ScenarioRun/checkBuffers(snapshot:plan:spec:buffers:tolerance:)``).
public enum SupplyRiskBufferCheck {
    /// The day of the window the disruption starts (the 92nd: a quarter in, as the shipped stress tests).
    public static let startDay = 91

    /// The disruption the buffers of `report` were sized against, as a scenario spec on `snapshot`,
    /// and the buffers to check (none when no item-location is recommended a buffer: the shock then
    /// touches nothing).
    public static func scenario(
        snapshot: Snapshot, report: SupplyRiskDocument, replications: Int = 1, seed: UInt64 = 1
    ) -> (spec: ScenarioSpec, buffers: [ItemLocation: Double]) {
        var itemIndex: [String: Int32] = [:]
        for (k, item) in snapshot.items.enumerated() { itemIndex[item.id] = Int32(k) }
        var locationIndex: [String: Int32] = [:]
        for (k, location) in snapshot.locations.enumerated() { locationIndex[location.id] = Int32(k) }
        var supplierIndex: [String: Int32] = [:]
        for (k, supplier) in snapshot.suppliers.enumerated() { supplierIndex[supplier.id] = Int32(k) }
        var buffers: [ItemLocation: Double] = [:]
        var suppliers: Set<Int32> = []
        for line in report.lines where line.exposed && line.recommendation == "buffer" && line.extraBuffer > 0 {
            guard let item = itemIndex[line.itemId], let location = locationIndex[line.locationId] else { continue }
            buffers[ItemLocation(item: item, location: location)] = line.extraBuffer
            for id in line.suppliers { if let s = supplierIndex[id] { suppliers.insert(s) } }
        }
        let days = min(report.recoveryDays, report.qualificationDays)
        let shock = ScenarioShock(
            kind: .supplierFailure, scope: ScenarioScope(suppliers: suppliers), from: .afterStart(startDay),
            to: .afterStart(startDay + days - 1), mode: .orderPausing)
        var spec = ScenarioSpec(
            name: "Every source of a buffered item-location stops for \(days) days", replications: replications, seed: seed,
            shocks: [shock],
            notes: [
                "\(suppliers.count) supplier(s) of \(buffers.count) item-location(s) recommended a buffer; \(days) days = min(risk.recovery_days, risk.qualification_days)"
            ])
        spec.unmetDemand = .backorder
        return (spec, buffers)
    }

    /// Plans `snapshot`, evaluates the exposure and checks its recommended buffers under the
    /// disruption they were sized against: the one call behind `procura risk --check-buffers`,
    /// `GET /api/v1/risk/buffer-check` and the page.
    ///
    /// - Throws: ``InventoryPolicy/PolicyError`` when the exposure cannot be evaluated or the
    ///   back-test window is too short for the disruption.
    public static func planned(
        snapshot: Snapshot, replications: Int = 1, seed: UInt64 = 1, progress: any ProgressReporter = SilentProgress()
    ) async throws(PolicyError) -> BufferCheckDocument {
        let plan = await PlanRun.run(snapshot: snapshot, configuration: .init(progress: progress))
        return try await run(snapshot: snapshot, plan: plan, replications: replications, seed: seed)
    }

    /// ``planned(snapshot:replications:seed:progress:)`` on a plan already computed.
    public static func run(
        snapshot: Snapshot, plan: PlanResult, replications: Int = 1, seed: UInt64 = 1
    ) async throws(PolicyError) -> BufferCheckDocument {
        guard (1...ScenarioSpecReader.largestReplications).contains(replications) else {
            throw PolicyError(
                code: .invalidInput,
                message:
                    "replications must be a whole number from 1 to \(ScenarioSpecReader.largestReplications), got \(replications)"
            )
        }
        let report = try SupplyRiskReport.run(snapshot: snapshot, plan: plan)
        let (spec, buffers) = scenario(snapshot: snapshot, report: report, replications: replications, seed: seed)
        return try await ScenarioRun.checkBuffers(snapshot: snapshot, plan: plan, spec: spec, buffers: buffers)
    }
}
