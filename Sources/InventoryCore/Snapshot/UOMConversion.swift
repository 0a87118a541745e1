/// One unit an item is counted, bought or issued in, and its size in base units
/// (`uom_conversions.csv`).
public struct UOMConversion: Hashable, Sendable {
    /// Index into ``Snapshot/items``.
    public var item: Int32
    /// The unit (`BOX`, `PAL`, `KG`, …).
    public var uom: String
    /// How many base units one of these is; > 0.
    public var baseUnitsPerUOM: Double

    /// Creates a conversion.
    public init(item: Int32, uom: String, baseUnitsPerUOM: Double) {
        self.item = item
        self.uom = uom
        self.baseUnitsPerUOM = baseUnitsPerUOM
    }
}
