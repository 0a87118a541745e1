import InventoryCore
import InventoryPolicy

/// Lists class changes against a previous classification, and the changes hysteresis held back,
/// each with the numbers that decided it.
enum ReclassificationMoves {
    static func moves(
        row: Int, prior: PreviousClassification.Entry, now: (ABCClass, XYZClass, DemandPattern),
        plain: (ABCClass, XYZClass, DemandPattern), cumulativeShare: Double, stats: DemandVariability,
        settings: ClassificationSettings
    ) -> [ClassMove] {
        var result: [ClassMove] = []
        if let before = prior.abc {
            let cutoffs = [settings.abcCutoffA, settings.abcCutoffB]
            if let move = move(
                row: row, dimension: .abc, before: before.rank, now: now.0.rank, plain: plain.0.rank,
                names: ABCClass.allCases.map(\.rawValue), measure: "cumulative share", value: cumulativeShare,
                cutoffs: cutoffs, margin: settings.abcMargin, inclusive: true)
            {
                result.append(move)
            }
        }
        if let before = prior.xyz {
            let cutoffs = [settings.xyzCutoffX, settings.xyzCutoffY]
            if let move = move(
                row: row, dimension: .xyz, before: before.rank, now: now.1.rank, plain: plain.1.rank,
                names: XYZClass.allCases.map(\.rawValue), measure: "CV", value: stats.cv, cutoffs: cutoffs,
                margin: settings.xyzMargin, inclusive: false)
            {
                result.append(move)
            }
        }
        if let before = prior.pattern, before != now.2 || before != plain.2 {
            let numbers =
                "ADI \(format(stats.adi)), CV² \(format(stats.cv2)) (cut-offs ADI \(format(settings.adiCutoff)) ± \(format(settings.adiMargin)), CV² \(format(settings.cv2Cutoff)) ± \(format(settings.cv2Margin)))"
            if before != now.2 {
                result.append(
                    ClassMove(
                        row: row, dimension: .pattern, kind: .moved, from: before.rawValue, to: now.2.rawValue, reason: numbers))
            } else {
                result.append(
                    ClassMove(
                        row: row, dimension: .pattern, kind: .held, from: before.rawValue, to: plain.2.rawValue,
                        reason: numbers + " within the margin"))
            }
        }
        return result
    }

    /// A move (or a held move) between ranked classes, explained by the cut-off it crossed.
    static func move(
        row: Int, dimension: ClassMove.Dimension, before: Int, now: Int, plain: Int, names: [String], measure: String,
        value: Double, cutoffs: [Double], margin: Double, inclusive: Bool
    ) -> ClassMove? {
        let below = inclusive ? "≤" : "<"
        let above = inclusive ? ">" : "≥"
        if now != before {
            // Falling (rank up) crosses the boundary `before`, rising crosses the boundary `now`.
            let reason =
                now > before
                ? "\(measure) \(format(value)) \(above) \(format(cutoffs[min(before, cutoffs.count - 1)])) + \(format(margin))"
                : "\(measure) \(format(value)) \(below) \(format(cutoffs[min(now, cutoffs.count - 1)])) − \(format(margin))"
            return ClassMove(row: row, dimension: dimension, kind: .moved, from: names[before], to: names[now], reason: reason)
        }
        if plain != before {
            let boundary = cutoffs[min(plain > before ? before : plain, cutoffs.count - 1)]
            let reason =
                "\(measure) \(format(value)) is past the cut-off \(format(boundary)) but within the margin \(format(margin))"
            return ClassMove(row: row, dimension: dimension, kind: .held, from: names[before], to: names[plain], reason: reason)
        }
        return nil
    }

    static func format(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "n/a" : "∞" }
        let rounded = (value * 10_000).rounded() / 10_000
        return String(rounded)
    }
}
