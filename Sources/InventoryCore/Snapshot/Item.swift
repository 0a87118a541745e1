/// An item of the material master (`items.csv`).
public struct Item: Hashable, Sendable {
    /// Unique key, 1–64 characters.
    public var id: String
    /// Free text.
    public var description: String
    /// Roll-up for KPIs and reports (empty when not given).
    public var category: String
    /// Base unit of measure; all quantities are in it (default `EA`).
    public var baseUOM: String
    /// Standard cost per base unit, ≥ 0.
    public var unitCost: Double
    /// VED criticality (default essential).
    public var criticality: Criticality
    /// Lifecycle stage (default active).
    public var lifecycle: Lifecycle
    /// Index of the successor item in ``Snapshot/items``, when this item is being replaced.
    public var successor: Int32?
    /// Shelf life in days, for perishable stock.
    public var shelfLifeDays: Int?

    /// Creates an item; only the key and the cost are required.
    public init(
        id: String, description: String = "", category: String = "", baseUOM: String = "EA",
        unitCost: Double, criticality: Criticality = .essential, lifecycle: Lifecycle = .active,
        successor: Int32? = nil, shelfLifeDays: Int? = nil
    ) {
        self.id = id
        self.description = description
        self.category = category
        self.baseUOM = baseUOM
        self.unitCost = unitCost
        self.criticality = criticality
        self.lifecycle = lifecycle
        self.successor = successor
        self.shelfLifeDays = shelfLifeDays
    }
}
