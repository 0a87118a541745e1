public import InventoryCore
public import InventoryPolicy
public import Simulation

/// Whether given extra buffers hold the service target under a scenario's shocks, item-location by
/// item-location (`procura risk --check-buffers`, docs/risk.md "Do the buffers hold?").
public struct BufferCheckDocument: Codable, Sendable {
    /// One item-location with a buffer to check.
    public struct Line: Codable, Sendable {
        public var itemId: String
        public var locationId: String
        public var `class`: String
        /// The policy replayed, in the replay's units.
        public var parameters: String
        /// The extra buffer checked (base units, added to the reorder point, the order-up-to level
        /// and the opening stock), as replayed: rounded up to the replay's unit.
        public var extraBuffer: Double
        public var target: Double
        /// Achieved service without the shocks, with the current policy.
        public var baselineAchieved: Double
        /// Achieved under the shocks with the current policy.
        public var currentAchieved: Double
        /// Achieved under the shocks with the extra buffer (NaN when not replayed: see `verdict`).
        public var bufferedAchieved: Double
        /// `holds_already` (the current policy holds the target under the shocks), `buffer_holds`
        /// (it does not, the buffer does), `buffer_short` (neither does), `too_large` (the buffer
        /// takes a parameter beyond 10⁹ units: not replayed), `not_measured` (under the shocks the
        /// service is undefined: no demand for a fill rate, no replenishment cycle for a cycle
        /// service level).
        public var verdict: String
    }

    public var scenario: String
    public var shocks: [String]
    public var from: String
    public var to: String
    public var periods: Int
    /// The period: day, week or month.
    public var period: String
    /// The service measure the targets are in (`policy.service_measure`).
    public var measure: String
    /// Achieved within this much below the target holds it (5 points).
    public var tolerance: Double
    public var replications: Int
    public var seed: UInt64
    /// Item-locations checked, and how many of them each verdict has.
    public var checked: Int
    public var holdsAlready: Int
    public var bufferHolds: Int
    public var bufferShort: Int
    public var tooLarge: Int
    public var notMeasured: Int
    /// The item-locations asked for that the replay cannot replay (the back-test's reasons).
    public var notReplayed: Int
    public var lines: [Line]
}

extension ScenarioRun {
    /// Replays `spec` on `plan`'s policies for the item-locations of `buffers` only, under the
    /// shocks once with the current policy and once with its extra buffer (base units, added to the
    /// reorder point, the order-up-to level and the opening stock — as the scenarios' smallest
    /// buffer is), and says per item-location whether the target holds: achieved (the mean over the
    /// replications of `policy.service_measure`) at least the target − `tolerance`.
    ///
    /// - Throws: ``InventoryPolicy/PolicyError`` when the spec's windows do not fit the replay or
    ///   a buffer is negative or not finite.
    public static func checkBuffers(
        snapshot: Snapshot, plan: PlanResult, spec: ScenarioSpec, buffers: [ItemLocation: Double], tolerance: Double = 0.05
    ) async throws(PolicyError) -> BufferCheckDocument {
        for (key, buffer) in buffers where !(buffer.isFinite && buffer >= 0) {
            throw PolicyError(
                code: .invalidInput,
                message:
                    "the extra buffer of \(snapshot.items[Int(key.item)].id) at \(snapshot.locations[Int(key.location)].id) must be a number ≥ 0, got \(buffer)"
            )
        }
        let prepared = try prepare(snapshot: snapshot, plan: plan, spec: spec, tolerance: tolerance)
        let (rows, replay) = (prepared.rows, prepared.replay)
        let measure = snapshot.settings.policy.serviceMeasure
        func achieved(_ list: [BacktestTotals]) -> Double {
            mean(list.map { measure == .fillRate ? $0.fillRate : $0.cycleServiceLevel })
        }
        var members: [Int] = []
        var extra: [Int] = []
        var tooLarge: [Int] = []
        for (r, row) in rows.enumerated() {
            guard let buffer = buffers[ItemLocation(item: row.item, location: row.location)] else { continue }
            let units = (buffer * Double(row.scale) - 1e-9).rounded(.up)
            if units + Double(ScenarioReplay.largestParameter(row)) > Double(Backtest.largestValue) {
                tooLarge.append(r)
            } else {
                members.append(r)
                extra.append(max(0, Int(units)))
            }
        }
        let zero = [Int](repeating: 0, count: members.count)
        let baseline = try await replay.totals(members, extra: zero, shocked: false)
        let current = try await replay.totals(members, extra: zero, shocked: true)
        let buffered = try await replay.totals(members, extra: extra, shocked: true)
        func line(_ r: Int, extra units: Int?, figures: (Double, Double, Double)?) -> BufferCheckDocument.Line {
            let row = rows[r]
            let target = row.result.final.serviceLevel
            let (before, now, with) = figures ?? (.nan, .nan, .nan)
            let verdict: String
            if figures == nil {
                verdict = "too_large"
            } else if now.isNaN {
                verdict = "not_measured"
            } else if now >= target - tolerance {
                verdict = "holds_already"
            } else {
                verdict = !with.isNaN && with >= target - tolerance ? "buffer_holds" : "buffer_short"
            }
            let requested = buffers[ItemLocation(item: row.item, location: row.location)] ?? .nan
            return BufferCheckDocument.Line(
                itemId: snapshot.items[Int(row.item)].id, locationId: snapshot.locations[Int(row.location)].id,
                class: row.result.input.abc.rawValue, parameters: row.current.parameters,
                extraBuffer: units.map { Double($0) / Double(row.scale) } ?? requested, target: target,
                baselineAchieved: before, currentAchieved: now, bufferedAchieved: with, verdict: verdict)
        }
        var lines = members.indices.map { k in
            line(
                members[k], extra: extra[k],
                figures: (achieved(baseline[k]), achieved(current[k]), achieved(buffered[k])))
        }
        lines += tooLarge.map { line($0, extra: nil, figures: nil) }
        lines.sort { ($0.verdict, $0.itemId, $0.locationId) < ($1.verdict, $1.itemId, $1.locationId) }
        func count(_ verdict: String) -> Int { lines.filter { $0.verdict == verdict }.count }
        let replayed = Set(rows.map { ItemLocation(item: $0.item, location: $0.location) })
        return BufferCheckDocument(
            scenario: spec.name,
            shocks: spec.shocks.indices.map { describe(spec.shocks[$0], window: prepared.windows[$0], snapshot: snapshot) },
            from: prepared.window.from.description, to: prepared.window.to.description, periods: replay.periods,
            period: snapshot.settings.bucket.rawValue, measure: measure.rawValue, tolerance: tolerance,
            replications: spec.replications, seed: spec.seed, checked: lines.count, holdsAlready: count("holds_already"),
            bufferHolds: count("buffer_holds"), bufferShort: count("buffer_short"), tooLarge: count("too_large"),
            notMeasured: count("not_measured"),
            notReplayed: buffers.keys.filter { !replayed.contains($0) }.count, lines: lines)
    }
}
