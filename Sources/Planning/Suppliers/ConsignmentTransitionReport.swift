public import InventoryCore
public import InventoryPolicy

/// Consignment → owned over every consignment item-location of the plan (docs/procurement.md,
/// "Consignment → owned"): ``InventoryPolicy/ConsignmentTransition`` — the one home of the
/// comparison, the calculator of `procura calc consignment` — with each line's own figures:
///
/// - D = the policy's annual demand (forecast per period × periods a year);
/// - c = the item's unit cost (what owning buys at);
/// - u = the consignment price per base unit (the consignment source's `unit_price` ÷ units per
///   purchase unit) ÷ c − 1, unless an uplift rate is given for all lines (`uplift`). A consignment
///   price at or below c carries no premium: the line stays on consignment without a comparison;
/// - h, K = the line's holding rate and order cost (settings); SS = the safety stock the policy
///   holds; Q = the policy's lot size (MOQ, multiples and price breaks included), else the EOQ;
/// - stability: the XYZ class and the coefficient of variation σ/μ per period; erratic demand (Z)
///   is flagged, because owning stock of it risks obsolescence the comparison does not price.
public enum ConsignmentTransitionReport {
    /// The report of `plan`; `uplift` (≥ 0, finite) replaces every line's observed uplift.
    public static func run(snapshot: Snapshot, plan: PlanResult, uplift: Double? = nil) throws(PolicyError)
        -> ConsignmentTransitionDocument
    {
        try validate(uplift: uplift)
        var lines: [ConsignmentTransitionDocument.Line] = []
        var skipped: [ConsignmentTransitionDocument.Skipped] = []
        for row in plan.rows {
            let policy = row.policy
            let input = policy.input
            guard
                let source = input.sources.filter({ $0.rule.ownership == .consignment })
                    .max(by: { $0.rule.share < $1.rule.share })
            else { continue }
            let item = snapshot.items[Int(row.item)]
            let location = snapshot.locations[Int(row.location)]
            let price = source.rule.unitPrice / source.unitsPerPurchaseUnit
            let observed = input.unitCost > 0 ? price / input.unitCost - 1 : .nan
            let rate = uplift ?? observed
            let mean = input.demand.perBucket
            let variation = mean > 0 ? input.demand.standardDeviationPerBucket / mean : nil
            var line = ConsignmentTransitionDocument.Line(
                itemId: item.id, locationId: location.id, category: item.category, supplierId: source.supplierID,
                xyz: input.xyz.rawValue, coefficientOfVariation: variation, annualDemand: policy.evaluation.annualDemand,
                unitCost: input.unitCost, consignmentPrice: price, upliftRate: rate.isFinite ? rate : nil,
                upliftBasis: uplift == nil ? "sourcing_price" : "given", holdingRate: input.holdingCostRate,
                orderCost: input.orderCost, safetyStock: policy.final.safetyStock,
                orderQuantity: policy.final.orderQuantity > 0 ? policy.final.orderQuantity : nil, result: nil,
                decision: ConsignmentTransitionResult.Decision.stayOnConsignment.rawValue,
                reason: "", erraticDemand: input.xyz == .z)
            guard rate.isFinite, rate > 0 else {
                line.reason =
                    rate.isFinite
                    ? "the consignment price \(ExplanationFormat.number(price)) is not above the owned cost \(ExplanationFormat.number(input.unitCost)): no premium to save"
                    : "the item has no unit cost to compare with"
                lines.append(line)
                continue
            }
            do {
                let result = try ConsignmentTransition.compare(
                    ConsignmentTransitionInput(
                        annualDemand: line.annualDemand, unitCost: input.unitCost, consignmentUpliftRate: rate,
                        holdingRate: input.holdingCostRate, orderCost: input.orderCost, safetyStock: line.safetyStock,
                        orderQuantity: line.orderQuantity))
                line.result = result
                line.decision = result.decision.rawValue
                line.reason =
                    result.decision == .moveToOwned
                    ? "owning saves \(ExplanationFormat.number(result.savingIfOwned)) a year"
                        + (line.erraticDemand ? " — but demand is erratic (Z)" : "")
                    : "owning costs \(ExplanationFormat.number(-result.savingIfOwned)) a year more"
                lines.append(line)
            } catch {
                skipped.append(.init(itemId: item.id, locationId: location.id, reason: error.message))
            }
        }
        lines.sort {
            ($0.result?.savingIfOwned ?? -.infinity, $1.itemId, $1.locationId)
                > ($1.result?.savingIfOwned ?? -.infinity, $0.itemId, $0.locationId)
        }
        return ConsignmentTransitionDocument(
            asOf: snapshot.asOf.description, currency: snapshot.settings.currency, uplift: uplift, lines: lines,
            skipped: skipped)
    }

    /// Refuses an uplift that is negative or not a number.
    public static func validate(uplift: Double?) throws(PolicyError) {
        guard let uplift else { return }
        guard uplift.isFinite, uplift >= 0, uplift <= 100 else {
            throw PolicyError(
                code: .invalidInput,
                message:
                    "uplift \(uplift) — expected a rate from 0 to 100 (0.04 = the consignment price is 4 % above the owned cost)")
        }
    }

    /// Plans `snapshot` and builds the report: the one call behind `procura consignment-transition`,
    /// `GET /api/v1/consignment/transition` and the page.
    public static func planned(
        snapshot: Snapshot, uplift: Double? = nil, progress: any ProgressReporter = SilentProgress()
    ) async throws(PolicyError) -> ConsignmentTransitionDocument {
        try validate(uplift: uplift)
        let plan = await PlanRun.run(snapshot: snapshot, configuration: .init(progress: progress))
        return try run(snapshot: snapshot, plan: plan, uplift: uplift)
    }
}

/// The consignment → owned report as `procura consignment-transition --format json` and
/// `GET /api/v1/consignment/transition` write it.
public struct ConsignmentTransitionDocument: Codable, Sendable {
    /// One consignment item-location.
    public struct Line: Codable, Sendable {
        public var itemId: String
        public var locationId: String
        public var category: String
        /// The consignment supplier.
        public var supplierId: String
        /// X, Y or Z.
        public var xyz: String
        /// σ/μ of the demand per period (absent without demand).
        public var coefficientOfVariation: Double?
        /// D, units a year.
        public var annualDemand: Double
        /// c.
        public var unitCost: Double
        /// The consignment price per base unit.
        public var consignmentPrice: Double
        /// u (absent when the item has no unit cost to compare with).
        public var upliftRate: Double?
        /// `sourcing_price` (u from the consignment price) or `given`.
        public var upliftBasis: String
        /// h.
        public var holdingRate: Double
        /// K.
        public var orderCost: Double
        /// SS held when owned.
        public var safetyStock: Double
        /// Q when owned (the policy's lot size); the EOQ when absent.
        public var orderQuantity: Double?
        /// The comparison (absent when there is no premium).
        public var result: ConsignmentTransitionResult?
        /// `move_to_owned` or `stay_on_consignment`.
        public var decision: String
        /// The recommendation in words, with the number.
        public var reason: String
        /// XYZ class Z: owning risks obsolescence the comparison does not price.
        public var erraticDemand: Bool
    }

    /// A line the comparison refused (its message names the figure).
    public struct Skipped: Codable, Sendable {
        public var itemId: String
        public var locationId: String
        public var reason: String
    }

    public var asOf: String
    public var currency: String
    /// The uplift rate given for all lines, if any.
    public var uplift: Double?
    /// The largest saving first.
    public var lines: [Line]
    public var skipped: [Skipped]
    /// Lines recommended `move_to_owned`.
    public var moveToOwned: Int
    /// Σ saving of the lines recommended to move.
    public var savingIfMoved: Double
    /// Σ consignment premium over the lines compared.
    public var consignmentPremium: Double

    /// The document of `lines`.
    public init(asOf: String, currency: String, uplift: Double?, lines: [Line], skipped: [Skipped]) {
        self.asOf = asOf
        self.currency = currency
        self.uplift = uplift
        self.lines = lines
        self.skipped = skipped
        let moving = lines.compactMap(\.result).filter { $0.decision == .moveToOwned }
        moveToOwned = moving.count
        savingIfMoved = moving.reduce(0) { $0 + $1.savingIfOwned }
        consignmentPremium = lines.compactMap(\.result).reduce(0) { $0 + $1.consignmentPremium }
    }
}
