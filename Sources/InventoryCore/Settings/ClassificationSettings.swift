/// Cut-offs for ABC, XYZ and demand-pattern classification, and the hysteresis margins of
/// re-classification.
public struct ClassificationSettings: Hashable, Sendable {
    /// Which class the item that crosses a cut-off gets.
    public enum ABCCrossingItem: String, Hashable, Sendable, CaseIterable {
        /// The lower class: A only while the cumulative share *including* the item is ≤ the
        /// cut-off (default; the reference definition and numpy's W4).
        case lower
        /// The upper class: A while the cumulative share *before* the item is < the cut-off, so
        /// the first item is always A even when it alone holds more than 80 % of the value.
        case upper
    }

    /// Where items are ranked for ABC.
    public enum ABCScope: String, Hashable, Sendable, CaseIterable {
        /// All item-locations ranked together (default).
        case global
        /// Item-locations ranked within their location.
        case location
    }

    /// How many of the most recent complete buckets the classification looks at (default 52 weeks:
    /// one year of consumption value). With month buckets use 12.
    public var windowBuckets: Int
    /// Cumulative value share up to which an item is A (default 0.80): an item is A when the
    /// cumulative share *including it* is ≤ this cut-off.
    public var abcCutoffA: Double
    /// Cumulative value share up to which an item is B (default 0.95); beyond it, C.
    public var abcCutoffB: Double
    /// Coefficient of variation below which an item is X (default 0.5).
    public var xyzCutoffX: Double
    /// Coefficient of variation below which an item is Y (default 1.0); from it on, Z.
    public var xyzCutoffY: Double
    /// Syntetos–Boylan ADI cut-off (default 1.32).
    public var adiCutoff: Double
    /// Syntetos–Boylan CV² cut-off (default 0.49).
    public var cv2Cutoff: Double
    /// ABC ranking scope (default global).
    public var abcScope: ABCScope
    /// Class of the item that crosses a cut-off (default lower).
    public var abcCrossingItem: ABCCrossingItem
    /// Hysteresis: how far (in cumulative share) an item must clear an ABC cut-off before it
    /// changes class against the previous classification (default 0.03).
    public var abcMargin: Double
    /// Hysteresis on the coefficient of variation for XYZ (default 0.10).
    public var xyzMargin: Double
    /// Hysteresis on ADI for the demand pattern (default 0.10).
    public var adiMargin: Double
    /// Hysteresis on CV² for the demand pattern (default 0.05).
    public var cv2Margin: Double
    /// Fewer complete buckets than this since the first demand makes an item "new" (default 13).
    public var newItemBuckets: Int
    /// No demand in this many most recent buckets flags a dying item (default 26).
    public var dyingItemBuckets: Int

    /// The defaults.
    public init(
        windowBuckets: Int = 52,
        abcCutoffA: Double = 0.80,
        abcCutoffB: Double = 0.95,
        xyzCutoffX: Double = 0.5,
        xyzCutoffY: Double = 1.0,
        adiCutoff: Double = 1.32,
        cv2Cutoff: Double = 0.49,
        abcScope: ABCScope = .global,
        abcCrossingItem: ABCCrossingItem = .lower,
        abcMargin: Double = 0.03,
        xyzMargin: Double = 0.10,
        adiMargin: Double = 0.10,
        cv2Margin: Double = 0.05,
        newItemBuckets: Int = 13,
        dyingItemBuckets: Int = 26
    ) {
        self.windowBuckets = windowBuckets
        self.abcCutoffA = abcCutoffA
        self.abcCutoffB = abcCutoffB
        self.xyzCutoffX = xyzCutoffX
        self.xyzCutoffY = xyzCutoffY
        self.adiCutoff = adiCutoff
        self.cv2Cutoff = cv2Cutoff
        self.abcScope = abcScope
        self.abcCrossingItem = abcCrossingItem
        self.abcMargin = abcMargin
        self.xyzMargin = xyzMargin
        self.adiMargin = adiMargin
        self.cv2Margin = cv2Margin
        self.newItemBuckets = newItemBuckets
        self.dyingItemBuckets = dyingItemBuckets
    }
}
