import Forecasting
public import InventoryCore

/// The Syntetos–Boylan–Croston demand pattern with hysteresis against a previous pattern.
///
/// The ADI and CV² cut-offs (default 1.32 and 0.49; Syntetos, Boylan & Croston 2005, *JORS* 56(5),
/// 495–503) move by their margins in favour of the previous pattern, as ``Hysteresis`` does for
/// ABC and XYZ: a smooth item becomes intermittent only when ADI ≥ 1.32 + margin, an intermittent
/// one becomes smooth only when ADI < 1.32 − margin; likewise for CV².
public enum PatternClassification {
    /// The pattern for the given statistics.
    public static func pattern(
        adi: Double, cv2: Double, nonZeroPeriods: Int, adiCutoff: Double, cv2Cutoff: Double,
        previous: DemandPattern? = nil, adiMargin: Double = 0, cv2Margin: Double = 0
    ) -> DemandPattern {
        var adiLimit = adiCutoff
        var cv2Limit = cv2Cutoff
        if let previous, previous != .noDemand {
            adiLimit += previous.isSporadic ? -adiMargin : adiMargin
            cv2Limit += (previous == .erratic || previous == .lumpy) ? -cv2Margin : cv2Margin
        }
        return DemandPatternClassifier(adiCutoff: adiLimit, cv2Cutoff: cv2Limit)
            .pattern(adi: adi, cv2: cv2, nonZeroPeriods: nonZeroPeriods)
    }
}
