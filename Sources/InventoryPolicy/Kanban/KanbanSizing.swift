import InventoryCore

/// Kanban loops and two-bin systems: how many containers circulate and how large a bin is.
///
/// - Cards (Toyota formula): N = ⌈D·L·(1 + α)/C⌉ for demand D per period, replenishment lead time L
///   in the same periods, safety factor α (0.1 = 10 %) and container size C units, computed exactly
///   from the decimals given (an exact whole quotient is not rounded up again); the maximum
///   inventory of the loop is N·C (every container full). Y. Monden, *Toyota Production System*,
///   4th ed. (2012), ch. 2; Sugimori et al., "Toyota production system and Kanban system",
///   *Int. J. Production Research* 15(6):553–564 (1977), doi:10.1080/00207547708943149.
/// - Two-bin: one bin covers demand over the lead time plus safety stock, bin = d·L + z·σ_d·√L with
///   z = Φ⁻¹(α) for the cycle service level α; the bin holds ⌈bin⌉ units and the two bins at most
///   2⌈bin⌉. Silver, Pyke & Thomas, *Inventory and Production Management in Supply Chains*, 4th ed.
///   (2017), §7.3 (two-bin as an (s, Q) system with s = Q).
///
/// The kanban recommendation calls these per item-location with its demand rate and lead time.
public enum KanbanSizing {
    /// Sizes a loop from demand (``KanbanInput`` with demand, lead time, safety factor and container
    /// size) or prices a given number of cards (``KanbanInput/cards`` with the container size).
    public static func size(_ input: KanbanInput) throws(PolicyError) -> KanbanResult {
        if let cards = input.cards {
            for (name, present) in [
                ("demand_per_period", input.demandPerPeriod != nil), ("lead_time_periods", input.leadTimePeriods != nil),
                ("safety_factor", input.safetyFactor != nil),
            ] where present {
                throw PolicyError(
                    code: .invalidInput,
                    message:
                        "\(name) does not apply when cards is given — give either cards or the demand, lead time and safety factor"
                )
            }
            return try maximumInventory(cards: cards, containerSize: input.containerSize)
        }
        guard let demand = input.demandPerPeriod else { throw missing("demand_per_period") }
        guard let leadTime = input.leadTimePeriods else { throw missing("lead_time_periods") }
        return try cards(
            demandPerPeriod: demand, leadTimePeriods: leadTime, safetyFactor: input.safetyFactor ?? 0,
            containerSize: input.containerSize)
    }

    /// N = ⌈D·L·(1 + α)/C⌉ exactly, and the loop's maximum inventory N·C.
    public static func cards(
        demandPerPeriod: Double, leadTimePeriods: Double, safetyFactor: Double, containerSize: Int
    ) throws(PolicyError) -> KanbanResult {
        try Check.nonNegative(demandPerPeriod, "demand_per_period")
        try Check.nonNegative(leadTimePeriods, "lead_time_periods")
        try Check.nonNegative(safetyFactor, "safety_factor")
        try requireContainer(containerSize)
        let exactQuotient = demandPerPeriod * leadTimePeriods * (1 + safetyFactor) / Double(containerSize)
        let numerator =
            ExactDecimal(demandPerPeriod) * ExactDecimal(leadTimePeriods) * (ExactDecimal(1) + ExactDecimal(safetyFactor))
        guard let cards = ExactDecimal.ceilingOfQuotient(numerator, by: containerSize, estimate: exactQuotient) else {
            throw PolicyError(
                code: .invalidInput,
                message:
                    "the loop would need \(exactQuotient) cards — check demand_per_period, lead_time_periods and container_size")
        }
        var result = try maximumInventory(cards: cards, containerSize: containerSize)
        result.cardsExact = exactQuotient
        return result
    }

    /// The maximum inventory N·C of a loop of `cards` containers of `containerSize` units.
    public static func maximumInventory(cards: Int, containerSize: Int) throws(PolicyError) -> KanbanResult {
        guard cards >= 0 else { throw Check.invalid("cards", Double(cards), "a whole number ≥ 0") }
        try requireContainer(containerSize)
        let (inventory, overflow) = cards.multipliedReportingOverflow(by: containerSize)
        guard !overflow else {
            throw PolicyError(
                code: .invalidInput, message: "cards × container_size is too large to count (\(cards) × \(containerSize))")
        }
        return KanbanResult(cardsExact: .nan, cards: cards, containerSize: containerSize, maxInventory: inventory)
    }

    /// The two-bin size: bin = d·L + z·σ_d·√L, z = Φ⁻¹(α), rounded up to whole units (exactly when
    /// there is no safety stock), and the most the two bins hold.
    public static func twoBin(_ input: TwoBinInput) throws(PolicyError) -> TwoBinResult {
        try Check.positive(input.demandPerPeriod, "demand_per_period")
        try Check.nonNegative(input.demandSdPerPeriod, "demand_sd_per_period")
        try Check.positive(input.leadTimePeriods, "lead_time_periods")
        try Check.openUnitInterval(input.cycleServiceLevel, "cycle_service_level")
        let z = StandardNormal.quantile(input.cycleServiceLevel)
        let safetyStock = z * input.demandSdPerPeriod * input.leadTimePeriods.squareRoot()
        let bin = input.demandPerPeriod * input.leadTimePeriods + safetyStock
        guard bin.isFinite, abs(bin) < 9.0e15 else {
            throw PolicyError(
                code: .invalidInput,
                message:
                    "a bin of d·L + z·σ_d·√L = \(bin) units (safety stock \(safetyStock)) is too large to count — check demand_per_period, demand_sd_per_period and lead_time_periods"
            )
        }
        let size: Int?
        if safetyStock == 0 {
            size = ExactDecimal.ceilingOfQuotient(
                ExactDecimal(input.demandPerPeriod) * ExactDecimal(input.leadTimePeriods), by: 1, estimate: bin)
        } else {
            size = Int(bin.rounded(.up))
        }
        guard let size, size >= 1 else {
            throw PolicyError(
                code: .infeasible,
                message: "a bin would hold \(bin) units — raise cycle_service_level or check the demand and lead time")
        }
        guard size <= Int.max / 2 else {
            throw PolicyError(code: .invalidInput, message: "a bin of \(size) units is too large to count")
        }
        return TwoBinResult(
            z: z, safetyStock: safetyStock, binSizeExact: bin, binSize: size, totalTwoBinInventoryMax: 2 * size)
    }

    private static func requireContainer(_ size: Int) throws(PolicyError) {
        guard size >= 1 else { throw Check.invalid("container_size", Double(size), "a whole number ≥ 1") }
    }

    private static func missing(_ field: String) -> PolicyError {
        PolicyError(code: .invalidInput, message: "\(field) is missing — give it, or give cards to price a given loop")
    }
}
