public import InventoryCore
public import InventoryPolicy

/// One supplier's delivery performance from its receipts and returns, against what the catalog
/// promises, beside its Kraljic segment: the supplier scorecard of `procura suppliers`, the API
/// and the suppliers page.
///
/// Figures pool every receipt of the supplier (all its items and locations): the lead-time mean
/// and the sample standard deviation of all its receipts' lead times (the pooled form
/// Σ[(nᵢ − 1)sᵢ² + nᵢ(μᵢ − μ)²] / (N − 1) over its supplier lines, exact); the catalog lead time is
/// the receipt-weighted mean of the catalog's `lead_time_days` of the lines with receipts; the
/// trend the receipt-weighted mean of the lines' trends. On-time, in-full and OTIF as
/// ``ObservedSupply`` defines them, summed over lines before dividing. Responsiveness to forecast
/// changes from the published versions (``ForecastResponsiveness``). The risk score shows its two
/// parts, the catalog's base and the performance component of these figures
/// (``InventoryPolicy/SupplierSegmentation/Performance``), so a move of segment is explained.
public struct SupplierScorecard: Hashable, Sendable {
    /// The supplier's key.
    public var supplierID: String
    /// Its name (`suppliers.csv`).
    public var name: String
    /// Kraljic segment and supply-risk score of the classification.
    public var segment: SupplierSegment
    /// Supply risk score: ``baseRiskScore`` + ``performanceRiskScore``.
    public var riskScore: Double
    /// The catalog's part of the risk: single sourcing, lead time, variability.
    public var baseRiskScore: Double
    /// The part of the performance below (``performance``; 0 while its weights are 0).
    public var performanceRiskScore: Double
    /// Annual spend of the classification.
    public var annualSpend: Double
    /// Item-locations it supplies (sourcing.csv).
    public var itemLocations: Int
    /// Receipts observed.
    public var receipts: Int
    /// On-time receipts ÷ receipts with a due date.
    public var onTimeShare: Double?
    /// Order lines received in full ÷ order lines.
    public var inFullShare: Double?
    /// Order lines on time in full ÷ order lines.
    public var onTimeInFullShare: Double?
    /// Mean observed lead time over all receipts, days.
    public var meanLeadTimeDays: Double?
    /// Sample standard deviation of all receipts' lead times, days.
    public var leadTimeSDDays: Double?
    /// Receipt-weighted catalog lead time of the lines with receipts, days.
    public var catalogLeadTimeDays: Double?
    /// Receipt-weighted trend of the lead times, days per year.
    public var leadTimeTrendDaysPerYear: Double?
    /// Supplier lines with at least `policy.lead_time_minimum_receipts` receipts whose mean drifted
    /// from the catalog (``LeadTimeSettings/hasDrifted(observedMeanDays:catalogDays:)``).
    public var driftedLines: Int
    /// Base units returned ÷ received.
    public var returnShare: Double?
    /// Responsiveness to the forecasts shared with it (``InventoryCore/SupplierResponsiveness``;
    /// `nil`: nothing published to it, or the snapshot is a data folder's).
    public var responsiveness: SupplierResponsiveness?

    /// (Observed − catalog lead time) ÷ catalog lead time; `nil` without both or a zero catalog.
    public var leadTimeDeviationShare: Double? {
        guard let leadTimeDeviationDays, let catalogLeadTimeDays, catalogLeadTimeDays > 0 else { return nil }
        return leadTimeDeviationDays / catalogLeadTimeDays
    }

    /// The figures of the supply risk's performance component.
    public var performance: SupplierSegmentation.Performance {
        SupplierSegmentation.Performance(
            onTimeInFullShare: onTimeInFullShare, leadTimeDeviationShare: leadTimeDeviationShare, returnShare: returnShare,
            responsiveness: responsiveness?.score)
    }

    /// Observed − catalog lead time, days.
    public var leadTimeDeviationDays: Double? {
        guard let meanLeadTimeDays, let catalogLeadTimeDays else { return nil }
        return meanLeadTimeDays - catalogLeadTimeDays
    }
}

/// Computes the ``SupplierScorecard`` of every supplier.
public enum SupplierScorecards {
    /// Every supplier of the snapshot, by id (`supplierID` narrows to one; an unknown id gives none).
    public static func compute(snapshot: Snapshot, supplierID: String? = nil) async -> [SupplierScorecard] {
        let classification = await ClassificationRun.run(snapshot: snapshot)
        return compute(snapshot: snapshot, suppliers: classification.suppliers, supplierID: supplierID)
    }

    /// The scorecards given the classification's Kraljic segments.
    public static func compute(
        snapshot: Snapshot, suppliers: [SupplierClassification], supplierID: String? = nil
    ) -> [SupplierScorecard] {
        struct Key: Hashable { var item, location, supplier: Int32 }
        var catalog: [Key: Double] = [:]
        var itemLocations = [Int](repeating: 0, count: snapshot.suppliers.count)
        for rule in snapshot.sourcing where Int(rule.supplier) < snapshot.suppliers.count {
            catalog[Key(item: rule.item, location: rule.location, supplier: rule.supplier)] = rule.leadTimeDays
            itemLocations[Int(rule.supplier)] += 1
        }
        let settings = snapshot.settings.policy.leadTimes
        var linesBySupplier: [Int32: [ObservedSupply]] = [:]
        for line in SupplyObservations.lines(snapshot) { linesBySupplier[line.supplier, default: []].append(line) }
        var segments: [Int32: SupplierClassification] = [:]
        for s in suppliers { segments[s.supplier] = s }
        return snapshot.suppliers.indices.compactMap { index -> SupplierScorecard? in
            let supplier = snapshot.suppliers[index]
            if let supplierID, supplier.id != supplierID { return nil }
            let s = Int32(index)
            let lines = linesBySupplier[s] ?? []
            let withReceipts = lines.filter { $0.receipts > 0 }
            let n = withReceipts.reduce(0) { $0 + $1.receipts }
            func share(_ part: Int, _ whole: Int) -> Double? { whole > 0 ? Double(part) / Double(whole) : nil }
            var mean: Double?
            var sd: Double?
            var catalogMean: Double?
            var trend: Double?
            if n > 0 {
                let mu = withReceipts.reduce(0.0) { $0 + Double($1.receipts) * $1.meanLeadTimeDays } / Double(n)
                mean = mu
                if n > 1 {
                    let squares = withReceipts.reduce(0.0) { sum, l in
                        let d = l.meanLeadTimeDays - mu
                        return sum + Double(l.receipts - 1) * l.leadTimeSDDays * l.leadTimeSDDays + Double(l.receipts) * d * d
                    }
                    sd = (squares / Double(n - 1)).squareRoot()
                }
                let catalogued = withReceipts.compactMap { l in
                    catalog[Key(item: l.item, location: l.location, supplier: s)].map { (Double(l.receipts), $0) }
                }
                let weight = catalogued.reduce(0.0) { $0 + $1.0 }
                if weight > 0 { catalogMean = catalogued.reduce(0.0) { $0 + $1.0 * $1.1 } / weight }
                let trends = withReceipts.compactMap { l in l.leadTimeTrendDaysPerYear.map { (Double(l.receipts), $0) } }
                let trendWeight = trends.reduce(0.0) { $0 + $1.0 }
                if trendWeight > 0 { trend = trends.reduce(0.0) { $0 + $1.0 * $1.1 } / trendWeight }
            }
            let drifted = withReceipts.filter { l in
                guard l.receipts >= settings.minimumReceipts,
                    let days = catalog[Key(item: l.item, location: l.location, supplier: s)]
                else { return false }
                return settings.hasDrifted(observedMeanDays: l.meanLeadTimeDays, catalogDays: days)
            }.count
            let received = lines.reduce(0.0) { $0 + $1.quantityReceived }
            let returned = lines.reduce(0.0) { $0 + $1.quantityReturned }
            let segment = segments[s]
            return SupplierScorecard(
                supplierID: supplier.id, name: supplier.name, segment: segment?.segment ?? .nonCritical,
                riskScore: segment?.riskScore ?? 0, baseRiskScore: segment?.baseRiskScore ?? 0,
                performanceRiskScore: segment?.performanceRiskScore ?? 0, annualSpend: segment?.annualSpend ?? 0,
                itemLocations: itemLocations[index],
                receipts: n,
                onTimeShare: share(lines.reduce(0) { $0 + $1.onTimeReceipts }, lines.reduce(0) { $0 + $1.receiptsWithDueDate }),
                inFullShare: share(lines.reduce(0) { $0 + $1.inFullLines }, lines.reduce(0) { $0 + $1.orderLines }),
                onTimeInFullShare: share(lines.reduce(0) { $0 + $1.onTimeInFullLines }, lines.reduce(0) { $0 + $1.orderLines }),
                meanLeadTimeDays: mean, leadTimeSDDays: sd, catalogLeadTimeDays: catalogMean, leadTimeTrendDaysPerYear: trend,
                driftedLines: drifted, returnShare: received > 0 ? returned / received : nil,
                responsiveness: snapshot.supplierResponsiveness[s])
        }
    }
}
