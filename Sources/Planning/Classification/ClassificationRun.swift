public import InventoryCore
import InventoryPolicy

/// Classifies every item-location of a snapshot: ABC by annual consumption value, XYZ by the
/// coefficient of variation, the Syntetos–Boylan demand pattern, service-level target and
/// procurement strategy; optionally against a previous classification (hysteresis); and the
/// Kraljic segment of every supplier.
///
/// The window is the last `classification.windowBuckets` complete buckets before the snapshot
/// date. A new item (first demand inside the window) is measured from its first demand on, and its
/// demand is scaled to a year from those buckets, so it is not ranked C just for being young.
/// The statistics and the rows are computed in parallel chunks of item-locations; the result does
/// not depend on the number of cores.
public enum ClassificationRun {
    /// Runs the classification.
    public static func run(snapshot: Snapshot, previous: PreviousClassification? = nil) async -> ClassificationReport {
        let settings = snapshot.settings.classification
        let demand = snapshot.demand
        let rowCount = demand.series.count
        let complete = demand.completeBucketCount
        let windowCount = max(0, min(settings.windowBuckets, complete))
        let window = (complete - windowCount)..<complete
        let calendar = demand.calendar
        let firstBucket = demand.firstBucket
        let firstColumns: [Int?] = demand.firstDemandDay.map { day in
            day.map { Int(calendar.bucket(containing: $0) - firstBucket) }
        }
        let lastColumns: [Int?] = demand.lastDemandDay.map { day in
            day.map { Int(calendar.bucket(containing: $0) - firstBucket) }
        }
        let rowWindows: [Range<Int>] = firstColumns.map { first in
            guard let first, first > window.lowerBound else { return window }
            return min(first, window.upperBound)..<window.upperBound
        }

        let variability = await DemandVariability.batch(
            quantities: demand.quantities, rows: rowCount, columns: demand.bucketCount
        ) { rowWindows[$0] }

        let bucketsPerYear = snapshot.settings.bucket.bucketsPerYear
        let annualQuantity = variability.map { $0.periods > 0 ? $0.total * bucketsPerYear / Double($0.periods) : 0 }
        let annualValue = (0..<rowCount).map { r in
            annualQuantity[r] * snapshot.items[Int(demand.series[r].item)].unitCost
        }

        let previousEntries: [PreviousClassification.Entry?] = demand.series.map { s in
            previous?.entry(item: snapshot.items[Int(s.item)].id, location: snapshot.locations[Int(s.location)].id)
        }

        // ABC, globally or per location.
        let groups: [[Int]] =
            switch settings.abcScope {
            case .global: [Array(0..<rowCount)]
            case .location:
                Dictionary(grouping: 0..<rowCount) { demand.series[$0].location }.sorted { $0.key < $1.key }.map(\.value)
            }
        var cumulative = [Double](repeating: 1, count: rowCount)
        var valueShare = [Double](repeating: 0, count: rowCount)
        var rank = [Int](repeating: 0, count: rowCount)
        var abc = [ABCClass](repeating: .c, count: rowCount)
        var plainABC = [ABCClass](repeating: .c, count: rowCount)
        for group in groups {
            let values = group.map { annualValue[$0] }
            let crossingUp = settings.abcCrossingItem == .upper
            let ranking = ABCRanking(
                values: values, cutoffA: settings.abcCutoffA, cutoffB: settings.abcCutoffB,
                previous: group.map { previousEntries[$0]?.abc }, margin: settings.abcMargin, crossingItemUp: crossingUp)
            let plain =
                previous == nil
                ? ranking
                : ABCRanking(
                    values: values, cutoffA: settings.abcCutoffA, cutoffB: settings.abcCutoffB, crossingItemUp: crossingUp)
            for (k, r) in group.enumerated() {
                cumulative[r] = ranking.cumulativeShare[k]
                valueShare[r] = ranking.totalValue > 0 ? values[k] / ranking.totalValue : 0
                rank[r] = Int(ranking.rank[k])
                abc[r] = ranking.classes[k]
                plainABC[r] = plain.classes[k]
            }
        }

        // Rows in parallel chunks. Service level and strategy depend only on (cell, criticality,
        // lifecycle, agreement): computed once per combination and chunk.
        let agreements = primaryAgreements(snapshot: snapshot)
        // The Kraljic segment of each item-location's primary supplier feeds its service level and
        // strategy (ServiceLevelSettings, StrategySettings).
        let suppliers = SupplierSpend.classify(snapshot: snapshot, annualQuantity: annualQuantity)
        var segmentOfSupplier: [Int32: SupplierSegment] = [:]
        for s in suppliers { segmentOfSupplier[s.supplier] = s.segment }
        let segments = primarySuppliers(snapshot: snapshot).compactMapValues { segmentOfSupplier[$0] }
        let items = snapshot.items
        let serviceLevelSettings = snapshot.settings.serviceLevels
        let strategySettings = snapshot.settings.strategies
        let (abcClasses, shares, cumulativeShares, ranks) = (abc, valueShare, cumulative, rank)
        let rows = await ConcurrentChunks.mapChunks(count: rowCount) { range, output in
            var serviceLevels: [ServiceLevelKey: ServiceLevelTarget] = [:]
            var strategies: [StrategyKey: StrategyChoice] = [:]
            for r in range {
                let series = demand.series[r]
                let item = items[Int(series.item)]
                let stats = variability[r]
                let prior = previousEntries[r]
                let xyz = XYZClassification.xyzClass(
                    cv: stats.cv, cutoffX: settings.xyzCutoffX, cutoffY: settings.xyzCutoffY, previous: prior?.xyz,
                    margin: settings.xyzMargin)
                let pattern = PatternClassification.pattern(
                    adi: stats.adi, cv2: stats.cv2, nonZeroPeriods: stats.nonZeroPeriods, adiCutoff: settings.adiCutoff,
                    cv2Cutoff: settings.cv2Cutoff, previous: prior?.pattern, adiMargin: settings.adiMargin,
                    cv2Margin: settings.cv2Margin)
                let cell = ABCXYZCell(abcClasses[r], xyz)
                let segment = segments[series]
                let levelKey = ServiceLevelKey(
                    cell: cell, criticality: item.criticality, lifecycle: item.lifecycle, segment: segment)
                let level =
                    serviceLevels[levelKey]
                    ?? {
                        let target = ServiceLevelTarget(
                            cell: cell, criticality: item.criticality, lifecycle: item.lifecycle, supplierSegment: segment,
                            settings: serviceLevelSettings)
                        serviceLevels[levelKey] = target
                        return target
                    }()
                let agreement = agreements[series]
                let strategyKey = StrategyKey(cell: cell, lifecycle: item.lifecycle, agreement: agreement, segment: segment)
                let strategy =
                    strategies[strategyKey]
                    ?? {
                        let choice = StrategyChoice(
                            cell: cell, lifecycle: item.lifecycle, agreement: agreement, supplierSegment: segment,
                            settings: strategySettings)
                        strategies[strategyKey] = choice
                        return choice
                    }()
                var flags: [String] = []
                if item.lifecycle == .new || (firstColumns[r].map { complete - $0 < settings.newItemBuckets } ?? false) {
                    flags.append("new")
                }
                if let last = lastColumns[r], complete - 1 - last >= settings.dyingItemBuckets {
                    flags.append("dying")
                }
                if stats.total == 0 { flags.append("no_demand") }
                output.initialize(
                    r,
                    to: ItemLocationClassification(
                        item: series.item, location: series.location, periods: stats.periods, windowQuantity: stats.total,
                        annualQuantity: annualQuantity[r], annualValue: annualValue[r], valueShare: shares[r],
                        cumulativeShare: cumulativeShares[r], rank: ranks[r], abc: abcClasses[r], meanPerBucket: stats.mean,
                        standardDeviationPerBucket: stats.standardDeviation, cv: stats.cv, xyz: xyz,
                        nonZeroPeriods: stats.nonZeroPeriods, adi: stats.adi, cv2: stats.cv2, pattern: pattern,
                        criticality: item.criticality, lifecycle: item.lifecycle, flags: flags, serviceLevel: level.value,
                        serviceLevelReason: level.reason, strategy: strategy.strategy, strategyReason: strategy.reason))
            }
        }

        // Moves against the previous classification, in row order.
        var moves: [ClassMove] = []
        if previous != nil {
            for r in 0..<rowCount {
                guard let prior = previousEntries[r] else { continue }
                let stats = variability[r]
                let plainXYZ = XYZClassification.xyzClass(
                    cv: stats.cv, cutoffX: settings.xyzCutoffX, cutoffY: settings.xyzCutoffY)
                let plainPattern = PatternClassification.pattern(
                    adi: stats.adi, cv2: stats.cv2, nonZeroPeriods: stats.nonZeroPeriods, adiCutoff: settings.adiCutoff,
                    cv2Cutoff: settings.cv2Cutoff)
                moves += ReclassificationMoves.moves(
                    row: r, prior: prior, now: (abc[r], rows[r].xyz, rows[r].pattern),
                    plain: (plainABC[r], plainXYZ, plainPattern), cumulativeShare: cumulative[r], stats: stats,
                    settings: settings)
            }
        }

        return ClassificationReport(
            asOf: snapshot.asOf, windowStart: demand.firstDay(ofColumn: window.lowerBound), windowBuckets: windowCount,
            bucket: snapshot.settings.bucket, rows: rows, summary: ClassificationSummary(rows: rows), moves: moves,
            comparedWithPrevious: previous != nil, suppliers: suppliers)
    }

    /// The primary sourcing rule of each sourced item-location: the largest share; on a tie the
    /// supplier with the smaller id (so a plan from a data folder and one from the database, whose
    /// catalogs come in different orders, agree).
    static func primarySourcing(snapshot: Snapshot) -> [ItemLocation: SourcingRule] {
        var best: [ItemLocation: SourcingRule] = [:]
        for rule in snapshot.sourcing {
            let key = ItemLocation(item: rule.item, location: rule.location)
            if let current = best[key] {
                if current.share > rule.share { continue }
                if current.share == rule.share,
                    snapshot.suppliers[Int(current.supplier)].id <= snapshot.suppliers[Int(rule.supplier)].id
                {
                    continue
                }
            }
            best[key] = rule
        }
        return best
    }

    /// The primary supplier of each sourced item-location (``primarySourcing(snapshot:)``).
    static func primarySuppliers(snapshot: Snapshot) -> [ItemLocation: Int32] {
        primarySourcing(snapshot: snapshot).mapValues(\.supplier)
    }

    /// The ownership of the primary supplier's deliveries of each sourced item-location.
    static func primaryAgreements(snapshot: Snapshot) -> [ItemLocation: Ownership] {
        primarySourcing(snapshot: snapshot).mapValues(\.ownership)
    }

    struct ServiceLevelKey: Hashable {
        var cell: ABCXYZCell
        var criticality: Criticality
        var lifecycle: Lifecycle
        var segment: SupplierSegment?
    }

    struct StrategyKey: Hashable {
        var cell: ABCXYZCell
        var lifecycle: Lifecycle
        var agreement: Ownership?
        var segment: SupplierSegment?
    }
}
